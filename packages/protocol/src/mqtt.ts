/** MQTT topic layout (DESIGN.md §4). */
export const MQTT_TOPIC_ROOT = 'safetwin';

/** Telemetry from a device: payload one reading or an array of them. */
export function telemetryTopic(siteId: string, deviceId: string): string {
  return `${MQTT_TOPIC_ROOT}/${siteId}/${deviceId}/telemetry`;
}
/** Commands to a device's gateway. */
export function commandTopic(siteId: string, deviceId: string): string {
  return `${MQTT_TOPIC_ROOT}/${siteId}/${deviceId}/command`;
}
/** A gateway's acknowledgement of a command. */
export function commandAckTopic(siteId: string, deviceId: string): string {
  return `${MQTT_TOPIC_ROOT}/${siteId}/${deviceId}/command/ack`;
}
/** Where the hub tells an MQTT publisher why its telemetry was refused. */
export function ingestErrorTopic(siteId: string, deviceId: string): string {
  return `${MQTT_TOPIC_ROOT}/${siteId}/${deviceId}/telemetry/error`;
}
/** Parses `safetwin/{siteId}/{deviceId}/{rest…}`; null when the topic is not ours. */
export function parseTopic(topic: string): { siteId: string; deviceId: string; rest: string } | null {
  const parts = topic.split('/');
  if (parts.length < 4 || parts[0] !== MQTT_TOPIC_ROOT) return null;
  const [, siteId, deviceId, ...rest] = parts;
  if (!siteId || !deviceId) return null;
  return { siteId, deviceId, rest: rest.join('/') };
}
