-- Example rows: the seed's data exactly, plus a few containers so every list
-- has something to show. Meant for an empty database (after create_tables.sql).

INSERT INTO site (id, name, contact, address, state_or_region, country, postcode_or_zip) VALUES
    (1, 'Site 1', 'John Smith', '123 Muffin Lane, Ann Arbor', 'MI', 'USA', '48103'),
    (2, 'Site 2', NULL, NULL, NULL, NULL, NULL),
    (3, 'Site 3', NULL, NULL, NULL, NULL, NULL);

INSERT INTO freezer (id, name, site_id) VALUES
    (1, '-20C', 1),
    (2, '-40C', 1);

INSERT INTO computer (id, name, mac, site_id) VALUES
    (1, 'Computer 1', NULL, 1),
    (2, 'Computer 2', NULL, 1);

INSERT INTO container (id, uuid, description, freezer_id) VALUES
    (1, '3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01', 'Plasma aliquots, box A', 1),
    (2, '9b2e4d7a-1c3f-4e8b-a6d5-2f7c8e9a0b12', 'Serum, batch 2026-03', 1),
    (3, 'c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e23', 'DNA extracts', 2);

-- A 9×9 box in freezer 1 with two tubes in it: their freezer comes from the box.
INSERT INTO container (id, uuid, description, freezer_id, grid_rows, grid_cols, location) VALUES
    (4, '5e8c1a2b-3d4f-4a6b-8c7d-9e0f1a2b3c44', 'Box A', 1, 9, 9, 'shelf 1');
INSERT INTO container (id, uuid, description, parent_id, position) VALUES
    (5, '6f9d2b3c-4e5a-4b7c-9d8e-0f1a2b3c4d55', 'Tube 1', 4, 'A1'),
    (6, '7a0e3c4d-5f6b-4c8d-ae9f-1a2b3c4d5e66', 'Tube 2', 4, 'B2');

-- The rows above carry explicit ids: move each identity past them so the next
-- insert without an id does not collide.
SELECT setval(pg_get_serial_sequence('site', 'id'), (SELECT max(id) FROM site));
SELECT setval(pg_get_serial_sequence('freezer', 'id'), (SELECT max(id) FROM freezer));
SELECT setval(pg_get_serial_sequence('computer', 'id'), (SELECT max(id) FROM computer));
SELECT setval(pg_get_serial_sequence('container', 'id'), (SELECT max(id) FROM container));
