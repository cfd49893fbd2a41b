// @safetwin/simulator: the demo gateway. A pure engine that simulates every telemetry device
// of the given sites (signals, weather, faults, valves, mine power, walking miners) and an
// I/O layer that feeds it to the hub through the same socket.io ingestion API a real gateway uses.

export { createSimulator } from './simulator.ts';
export type { Simulator, SimulatorOptions } from './simulator.ts';
export { startSimulatorGateway } from './gateway.ts';
export type { SimulatorGateway, SimulatorGatewayOptions, GatewayStats, GatewayLogger } from './gateway.ts';
export { FAULT_KINDS } from './faults.ts';
export type { FaultKind, FaultRecord } from './faults.ts';
export type { Scenario, MethaneRiseScenario, SensorDropoutScenario, LeakScenario, StagedScenario } from './scenarios.ts';
export { SimulatorError } from './errors.ts';
export type { SimulatorErrorCode } from './errors.ts';
export type { WeatherState, WeatherOptions } from './weather.ts';
export { trailingMeanStability, weatherStability, type StationSample } from './leak/weather-stability.ts';
export type { WalkerOptions } from './miners.ts';
export type { UwbRangingOptions } from './uwb-ranging.ts';
