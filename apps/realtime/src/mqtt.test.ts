import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { commandAckTopic, commandTopic, ingestErrorTopic, telemetryTopic, type FieldCommand } from '@safetwin/protocol';
import { commandTargets } from '@safetwin/twin-models';
import { call, login, pickDevices, pollUntil, readingFor, startEmbeddedBroker, startTestHub, storedRows, storeVariants } from './test-support/test-hub.ts';
import type { Hub } from './create-hub.ts';

/** Brokers to test against: embedded aedes always, Mosquitto when MQTT_URL is set (CI). */
const BROKERS: { name: string; start: () => Promise<{ url: string; shareGroup: string; close: () => Promise<void> }> }[] = [
  { name: 'aedes (embedded)', start: async () => ({ ...(await startEmbeddedBroker()), shareGroup: '' }) },
];
if (process.env.MQTT_URL) {
  const url = process.env.MQTT_URL;
  BROKERS.push({ name: 'mosquitto', start: async () => ({ url, shareGroup: `safetwin-test-${randomUUID().slice(0, 8)}`, close: async () => {} }) });
}


describe.each(BROKERS)('MQTT through $name', (brokerVariant) => {
  const variant = storeVariants()[0]!;
  let hub: Hub & { dispose: () => Promise<void> };
  let broker: Awaited<ReturnType<(typeof BROKERS)[number]['start']>>;
  let client: MqttClient;
  let devices: ReturnType<typeof pickDevices>;
  const errors: { topic: string; body: any }[] = [];
  beforeAll(async () => {
    broker = await brokerVariant.start();
    hub = await startTestHub(variant, {
      mqttUrl: broker.url,
      mqttShareGroup: broker.shareGroup,
      mqttClientId: `safetwin-test-hub-${randomUUID().slice(0, 8)}`,
      mqttPersistentSession: false,
      commandTimeoutMs: 2000,
    });
    devices = pickDevices(hub);
    client = await mqtt.connectAsync(broker.url, { clientId: `test-gw-${randomUUID().slice(0, 8)}` });
    await client.subscribeAsync(`safetwin/${devices.park.id}/+/telemetry/error`, { qos: 1 });
    client.on('message', (topic, payload) => {
      if (topic.endsWith('/telemetry/error')) errors.push({ topic, body: JSON.parse(payload.toString()) });
    });
  });
  afterAll(async () => {
    await client.endAsync();
    await hub.dispose();
    await broker.close();
  });

  it('stores telemetry published on safetwin/{site}/{device}/telemetry, one reading or an array', async () => {
    const topic = telemetryTopic(devices.park.id, devices.gas.deviceId);
    await client.publishAsync(topic, JSON.stringify(readingFor(devices.gas, 1)), { qos: 1 });
    await client.publishAsync(topic, JSON.stringify([readingFor(devices.gas, 2), readingFor(devices.gas, 3), readingFor(devices.gas, 3)]), { qos: 1 });
    const metrics = Object.keys(devices.gas.metrics).length;
    expect(await pollUntil(async () => (await storedRows(hub, devices.gas.deviceId)) === 3 * metrics)).toBe(true);
    const [row] = await hub.db.query<{ gateway_id: string }>(`SELECT DISTINCT gateway_id FROM readings_provenance WHERE device_id = $1`, [devices.gas.deviceId]);
    expect(row!.gateway_id).toBe('mqtt');
  });

  const BAD: { title: string; payload: () => string; device: () => string; code: string }[] = [
    { title: 'malformed JSON', payload: () => '{"deviceId":', device: () => devices.gas.deviceId, code: 'request:bad-json' },
    { title: 'a reading for another device than the topic names', payload: () => JSON.stringify(readingFor(devices.otherEnterprise, 9)), device: () => devices.gas.deviceId, code: 'ingest:wrong-site' },
    { title: 'an unknown device', payload: () => JSON.stringify({ ...readingFor(devices.gas, 9), deviceId: 'GHOST-1' }), device: () => 'GHOST-1', code: 'ingest:unknown-device' },
    { title: 'an out-of-range value', payload: () => JSON.stringify({ ...readingFor(devices.gas, 10), values: { [Object.keys(devices.gas.metrics)[0]!]: 1e12 } }), device: () => devices.gas.deviceId, code: 'ingest:out-of-range' },
    { title: 'an empty array', payload: () => '[]', device: () => devices.gas.deviceId, code: 'request:bad-body' },
  ];
  for (const c of BAD) {
    it(`answers ${c.title} on the error topic and stores nothing`, async () => {
      const before = await storedRows(hub, devices.gas.deviceId);
      const seen = errors.length;
      await client.publishAsync(telemetryTopic(devices.park.id, c.device()), c.payload(), { qos: 1 });
      expect(await pollUntil(async () => errors.length > seen), c.title).toBe(true);
      const error = errors[errors.length - 1]!;
      expect(error.topic).toBe(ingestErrorTopic(devices.park.id, c.device()));
      expect(error.body.error.code, c.title).toBe(c.code);
      expect(await storedRows(hub, devices.gas.deviceId), c.title).toBe(before);
    });
  }

  it('sends a command on …/command and takes the ack from …/command/ack', async () => {
    const valve = [...commandTargets(devices.park).values()].find((t) => t.targetType === 'valve')!;
    const gateway = await mqtt.connectAsync(broker.url, { clientId: `test-valve-gw-${randomUUID().slice(0, 8)}` });
    await gateway.subscribeAsync(commandTopic(devices.park.id, valve.deviceId), { qos: 1 });
    gateway.on('message', (_topic, payload) => {
      const command = JSON.parse(payload.toString()) as FieldCommand;
      void gateway.publishAsync(commandAckTopic(command.siteId, command.deviceId), JSON.stringify({ id: command.id, ok: true, message: 'valve moving' }), { qos: 1 });
    });
    try {
      const token = await login(hub, 'commander');
      const res = await call(hub, 'POST', '/commands', { token, body: { siteId: devices.park.id, deviceId: valve.deviceId, action: 'valve.close' } });
      expect(res.status).toBe(200);
      expect(res.body.command).toMatchObject({ state: 'acknowledged', message: 'valve moving' });
    } finally {
      await gateway.endAsync();
    }
  });

  it('answers a command at once as no gateway when the broker link is down and no socket gateway serves the site', async () => {
    const valve = [...commandTargets(devices.park).values()].find((t) => t.targetType === 'valve')!;
    const token = await login(hub, 'commander');
    await broker.close();
    const res = await call(hub, 'POST', '/commands', { token, body: { siteId: devices.park.id, deviceId: valve.deviceId, action: 'valve.open' } });
    expect(res.body.command.state).toMatch(/timeout|no-gateway/); // it answers; it does not hang on the dead broker
  });
});
