import { SIM_NOTE_EN, type SimNoteKey } from '@safetwin/sim';
import { defineMessages } from '../messages-core.ts';

/**
 * The plume engine's warnings (@safetwin/sim notes.ts) worded for the wall: the English is the engine's own; `{name}`
 * are the engine's values (numbers as it rounded them, model and field names verbatim).
 */
export const engineNoteMessages = defineMessages<SimNoteKey>({
  en: SIM_NOTE_EN,
  'zh-CN': {
    'dense.ground-level-only': 'Britter–McQuaid 重气模型假定地面释放；释放高度 heightM {heightM} 米未计入',
    'dense.not-denser-than-air':
      '释放气体不重于空气（{releaseKgM3} 对 {airKgM3} kg/m³）却使用重气模型：超出 Britter–McQuaid 的适用范围（未计重力扩展（重力塌落））；请改用 gaussian-plume / gaussian-puff',
    'dense.steady': 'Britter–McQuaid 烟羽按稳态释放计算（忽略 durationS / rateSteps）；对短时释放偏保守',
    'dense.plume-alpha': 'Britter–McQuaid 烟羽：α = {alpha} > 1，超出关联式范围（外推）',
    'dense.puff-alpha': 'Britter–McQuaid 烟团：α = {alpha} > 1，超出关联式范围（外推）',
    'model.elevated-dense':
      '重气在 {heightM} 米高处释放，按被动{passive}计算：未模拟气云沉降至地面，近源地面浓度可能偏低；如需保守结果，请以重气模型（dense，地面释放）计算',
    'model.low-wind-floor': '风速 {windMS} m/s 低于 1 m/s，稳态烟羽按 1 m/s 计算（EPA《气象监测指南》§6.9）',
    'model.steady-ignores-duration': '稳态烟羽忽略 durationS / rateSteps（偏保守）；有限时长释放请用 gaussian-puff 模型',
    'model.plume-for-instantaneous': '瞬时释放选用了 gaussian-plume：massKg 被当作 kg/s',
    'model.no-duration': '未给 durationS：释放速率表计算至 {endS} 秒（最后一步 + 1 小时）',
    'levels.none-for-zones': '库中没有 {chemical} 的 AEGL；请给出 thresholdsPpm',
    'levels.none-for-plume': '库中没有 {chemical} 的 AEGL，也未给出 thresholdsPpm',
    'zones.calm': '风速 {windMS} m/s < {calmMS} m/s：风向不可信，危险区按威胁距离画成圆',
    'threshold.scan-limit': '{ppm} ppm：到扫描上限 {distanceM} 米处仍超过；危险区在此截断',
    'threshold.beyond-handover-plume':
      '{ppm} ppm：达到的距离超出重气 → 被动扩散的转换点（{handoverM} 米）；该距离由虚源的被动高斯烟羽给出，不是 Britter–McQuaid 的结果',
    'threshold.beyond-handover-puff':
      '{ppm} ppm：达到的距离超出重气 → 被动扩散的转换点（{handoverM} 米）；该距离由虚源的被动高斯烟团给出，不是 Britter–McQuaid 的结果',
    'threshold.sigma-range': '{ppm} ppm：扩散参数组 {sigma} 的拟合范围为 {fromM} 米 – {toKm} 千米；x = {xM} 米在范围外（外推）',
    'hole.no-overpressure': '压力 pressurePa {pressurePa} Pa 不高于环境压力 {ambientPa} Pa：无压力驱动的泄漏',
    'hole.liquid-above-critical': "给定相态为 'liquid'，但 {temperatureK} K ≥ 临界温度 {criticalK} K：按气体泄漏",
    'hole.no-critical-temperature': '库中没有 {chemical} 的临界温度：仅按蒸气压判断相态',
    'hole.vapour-pressure-estimated':
      '{chemical} 在 {temperatureK} K 的蒸气压按 Clausius–Clapeyron 方程由沸点 Tb = {boilingK} K 和汽化热估算（{vapourBar} bar）：为估计值，接近该值时相态判断不确定',
    'hole.gas-would-condense':
      "给定相态为 'gas'，压力 {pressureBar} bar 高于估算蒸气压 {vapourBar} bar：{chemical} 在此压力下会冷凝；请核对工况",
    'hole.taken-saturated':
      "压力在估算蒸气压的 {bandPct} % 以内：按饱和液体计算（液化气储罐处于自身蒸气压下）；若孔洞位于气相空间，泄漏速率会低得多——此时请给出 phase: 'gas'",
    'hole.no-liquid-head': '未给 liquidHeadM：未计孔洞上方的液柱（对低压或冷冻储罐，液柱可能是主要驱动压力）',
    'hole.small-airborne':
      '只有 {airbornePct} % 的液体经闪蒸和气溶胶进入空气；其余形成液池，其蒸发未在此计算（请用液池蒸发源项，或以全部速率作保守估计）',
    'hole.flashing-jet':
      '高动量闪蒸射流可把几乎全部液体以气溶胶带入空气（Jack Rabbit、Desert Tortoise 试验；plume-physics.md §7）；2·x_v 规则可能偏低——保守估计请用全部速率',
  },
});
