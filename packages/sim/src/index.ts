// @safetwin/sim — pure safety computations (plume dispersion, source estimation, valve
// isolation, evacuation). Filled in by the plume-engine issue; no I/O, no clock, no globals.
export {};
