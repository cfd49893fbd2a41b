export { createHub, BODY_LIMIT_BYTES } from './create-hub.ts';
export type { Hub } from './create-hub.ts';
export { DEFAULT_HUB_OPTIONS, hubOptionsFromEnv } from './hub-options.ts';
export type { HubOptions } from './hub-options.ts';
export { HubError } from './errors.ts';
export { demoAccounts, DEMO_GATEWAY_ID } from './sites/demo-seed.ts';
