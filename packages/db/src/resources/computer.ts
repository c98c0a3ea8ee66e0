import { column, defineResource } from '../resource/definition.js'
import { Id, Mac, Name } from '../schemas/common.js'

export const computer = defineResource({
  service: 'computer',
  name: 'computer',
  plural: 'computers',
  title: 'Computer',
  titlePlural: 'Computers',
  table: 'computer',
  columns: {
    name: column(Name, { pgType: 'text', listable: true }),
    // macaddr accepts every usual spelling, compares case-insensitively and reads back as aa:bb:cc:dd:ee:ff.
    mac: column(Mac, { pgType: 'macaddr', nullable: true, unique: true, listable: true, read: 'mac::text' }),
    site_id: column(Id, { pgType: 'integer', parent: 'site', listable: true }),
  },
  notes: { create: 'mac unique, compared case-insensitively' },
})
