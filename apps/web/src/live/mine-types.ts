// The hub's answers about a mine, as the wall reads them: the contract lives in
// @safetwin/protocol (packages/protocol/src/mine.ts), which the hub's services return, so the
// wall and the hub are checked against the same shapes. Re-exported here for the wall's modules
// and its browser test (e2e/mine.browser.test.ts).
export type {
  AttendanceView,
  InterlockLogEntry,
  InterlockSensorView,
  MachineCommandView,
  MachinePowerView,
  PersonOrderView,
  PersonState,
  PersonView,
  SitePeopleView,
  SitePowerView,
  SiteZonesView,
  WithdrawalView,
  ZoneView,
} from '@safetwin/protocol';
