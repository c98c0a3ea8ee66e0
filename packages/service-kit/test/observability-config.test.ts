import t from 'tap'
import { ConfigError, loadConfig } from '../src/config.js'

t.test('the metrics and tracing settings: unset by default, checked when set', async (t) => {
  const defaults = loadConfig({}, { PORT: 3001 })
  t.equal(defaults.METRICS_PORT, undefined, 'no metrics listener unless asked for')
  t.equal(defaults.OTEL_EXPORTER_OTLP_ENDPOINT, undefined, 'no tracing unless asked for')
  const set = loadConfig(
    { METRICS_PORT: '9464', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SERVICE_NAME: 'site-eu' },
    { PORT: 3001 },
  )
  t.equal(set.METRICS_PORT, 9464)
  t.equal(set.OTEL_EXPORTER_OTLP_ENDPOINT, 'http://collector:4318')
  t.equal(set.OTEL_SERVICE_NAME, 'site-eu')
  t.throws(() => loadConfig({ METRICS_PORT: '70000' }, { PORT: 3001 }), ConfigError)
  t.throws(() => loadConfig({ METRICS_PORT: 'nine' }, { PORT: 3001 }), /METRICS_PORT/)
  t.throws(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, { PORT: 3001 }), /OTEL_EXPORTER_OTLP_ENDPOINT/)
  t.throws(() => loadConfig({ OTEL_SERVICE_NAME: '' }, { PORT: 3001 }), /OTEL_SERVICE_NAME/)
})
