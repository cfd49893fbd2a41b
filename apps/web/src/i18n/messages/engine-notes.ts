import { SIM_NOTE_EN, type SimNoteKey } from '@safetwin/sim';
import { defineMessages } from '../messages-core.ts';

/**
 * The plume engine's warnings and explanations (@safetwin/sim notes.ts) worded for the wall: the English is the
 * engine's own; `{name}` are the engine's values (numbers as it rounded them; model ids and terrain worded in
 * i18n/engine-notes.ts, σ sets and field names verbatim).
 */
export const engineNoteMessages = defineMessages<SimNoteKey>({
  en: SIM_NOTE_EN,
  'zh-CN': {
    'dense.ground-level-only': 'Britter–McQuaid 重气模型假定地面释放；释放高度 heightM {heightM} 米未计入',
    'dense.not-denser-than-air':
      '释放气体不重于空气（{releaseKgM3} 对 {airKgM3} kg/m³）却使用重气模型：超出 Britter–McQuaid 的适用范围（未计重力扩展（重力塌落））；请改用 gaussian-plume / gaussian-puff',
    'source.unknown-chemical': '候选 {id}：化学品“{chemical}”未知，未纳入',
    'source.direction-varied': '时间窗内风向变化达 {spreadDeg}°（σθ）；超过 {capDeg}° 的偏转未予考虑',
    'source.no-majority': '没有哪个候选泄漏源的概率超过一半（最高 {percent} %）',
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
    'why.wind-power-law':
      '{heightM} 米高处风速 {windMS} m/s 按幂律（p = {p}，{terrain}，稳定度 {stability}）换算为释放高度处 {releaseMS} m/s、10 米高处 {u10MS} m/s',
    'why.wind-as-given': '风速 windSpeedMS {windMS} m/s 直接作为输送风速（重气模型亦作 u10）',
    'why.model-auto':
      '自动选择模型 → {model}：释放气体密度 {releaseKgM3} kg/m³，空气 {airKgM3} kg/m³；理查森数判据 {form} = {value} {comparison} {threshold}（按 Britter–McQuaid 手册的常用引用形式，plume-physics.md §6.2 [M]）',
    'why.elevated-passive':
      '按判据属重气，但释放高度 {heightM} 米 > {maxM} 米：Britter–McQuaid 为地面释放模型，故自释放高度按被动{passive}计算（本系统规则，[M]）',
    'why.model-requested': '按指定使用{model}',
    'why.sigma-requested': '按指定使用扩散参数组 {sigma}',
    'why.sigma-puff-default': '扩散参数组 {sigma}（烟团默认，CCPS/Slade）',
    'why.sigma-terrain-default': '扩散参数组 {sigma}（{terrain}地形默认）',
    'why.finite-release': '持续 {endS} 秒的有限时长释放，按烟团串 n → ∞ 的极限计算（Palazzi 解析解，σx = σy(x)；plume-physics.md §3）',
    'why.dense-puff': 'Britter–McQuaid 瞬时释放：V0 = {volumeM3} m³，α = {alpha}；非等温修正 T0 = {releaseK} K，Ta = {airK} K',
    'why.dense-plume': 'Britter–McQuaid 连续释放：Q0 = {volumeRateM3S} m³/s，D = {lengthM} m，α = {alpha}；非等温修正 T0 = {releaseK} K，Ta = {airK} K',
    'why.handover-plume-end':
      '下风向 {distanceM} 米处由重气转为被动扩散（Britter–McQuaid 关联式的终点，Cm/C0 = 0.002，CCPS 1999 第 118 页；C′ = {ratio}，{ppm} ppm）：其后为高斯烟羽（扩散参数组 {sigma}，u = {windMS} m/s，地面虚源），σy 虚源位于转换点上风向 {virtualYM} 米、σz 虚源位于上风向 {virtualZM} 米：σy 与重气顶帽半宽 b = {widthM} 米匹配（σy = 2b/√(2π)，峰值与横风向积分相同），σz 使轴线浓度连续（本系统匹配规则，[M]）',
    'why.handover-plume-richardson':
      '下风向 {distanceM} 米处由重气转为被动扩散（局地理查森数 Ri0·C′^1/6 降至手册判据 0.15 以下，本系统的局地用法，[M]；C′ = {ratio}，{ppm} ppm）：其后为高斯烟羽（扩散参数组 {sigma}，u = {windMS} m/s，地面虚源），σy 虚源位于转换点上风向 {virtualYM} 米、σz 虚源位于上风向 {virtualZM} 米：σy 与重气顶帽半宽 b = {widthM} 米匹配（σy = 2b/√(2π)，峰值与横风向积分相同），σz 使轴线浓度连续（本系统匹配规则，[M]）',
    'why.handover-puff-end':
      '下风向 {distanceM} 米处由重气转为被动扩散（Britter–McQuaid 关联式的终点，Cm/C0 = 0.001，CCPS 1999 第 118 页；C′ = {ratio}，{ppm} ppm）：其后为高斯烟团（扩散参数组 {sigma}，u = {windMS} m/s，地面虚源），于 t = {timeS} 秒接替，σy 虚源位于转换点上风向 {virtualYM} 米、σz 虚源位于上风向 {virtualZM} 米：σy 与重气云半径 R = {widthM} 米匹配（σy = R/√2，峰值与水平积分相同），σz 使轴线浓度连续（本系统匹配规则，[M]）',
    'why.handover-puff-richardson':
      '下风向 {distanceM} 米处由重气转为被动扩散（局地理查森数 Ri0·C′^1/3 降至手册判据 0.2 以下，本系统的局地用法，[M]；C′ = {ratio}，{ppm} ppm）：其后为高斯烟团（扩散参数组 {sigma}，u = {windMS} m/s，地面虚源），于 t = {timeS} 秒接替，σy 虚源位于转换点上风向 {virtualYM} 米、σz 虚源位于上风向 {virtualZM} 米：σy 与重气云半径 R = {widthM} 米匹配（σy = R/√2，峰值与水平积分相同），σz 使轴线浓度连续（本系统匹配规则，[M]）',
    'why.hole-above-critical': '气相：{temperatureK} K 不低于 {chemical} 的临界温度（{criticalK} K，{source}）：任何压力下均无液相',
    'why.hole-liquid-as-given': '按给定为液相（孔洞位于液相空间）；估算蒸气压 {vapourBar} bar（{temperatureK} K）',
    'why.hole-gas-as-given': '按给定为气相（孔洞位于气相空间）；估算蒸气压 {vapourBar} bar（{temperatureK} K）',
    'why.hole-liquid-phase': '液相：{pressureBar} bar ≥ 估算蒸气压 {vapourBar} bar（{temperatureK} K）的 {sharePct} %（液化气体，假定孔洞位于液面以下）',
    'why.hole-gas-phase': '气相：{pressureBar} bar < 估算蒸气压 {vapourBar} bar（{temperatureK} K）的 {sharePct} %',
    'why.liquid-orifice': '液体孔口流（伯努利方程，CCPS 1999 第 40 页）：Cd = {cd}，ρ = {densityKgM3} kg/m³，ΔP = {dpBar} bar → {rateKgS} kg/s，流速 {velocityMS} m/s',
    'why.liquid-orifice-head':
      '液体孔口流（伯努利方程，CCPS 1999 第 40 页）：Cd = {cd}，ρ = {densityKgM3} kg/m³，ΔP = {dpBar} bar + 液柱 {headM} 米（ρgh = {headBar} bar）→ {rateKgS} kg/s，流速 {velocityMS} m/s',
    'why.flash':
      '闪蒸率 x_v = cp,l (T − Tb)/ΔHvap = {flash}；进入大气的份额 = min(1, 2·x_v) = {airborne}（气溶胶按与闪蒸蒸气等量计：经 CCPS 1999 引用的 Kletz 规则，[M] 未核实），其余落地',
    'why.no-flash': '液体低于沸点（{temperatureK} K ≤ Tb {boilingK} K）：不闪蒸；进入大气的速率为 0（此处未计算液池蒸发）',
    'why.gas-orifice-choked': '气体孔口流（等熵，TNO 黄皮书）：Cd = {cd}，k = {k}，临界流（P0/Pa = {ratio}，临界值 {critical}）→ {rateKgS} kg/s，全部进入大气',
    'why.gas-orifice-subsonic': '气体孔口流（等熵，TNO 黄皮书）：Cd = {cd}，k = {k}，亚临界流（P0/Pa = {ratio}，临界值 {critical}）→ {rateKgS} kg/s，全部进入大气',
    'why.grid-extent': '网格覆盖指定范围（{widthM} × {heightM} 米，网格 ≥ {cellM} 米），而非危险区外框',
    'why.grid-calm': '静风：网格随气云覆盖 {minutes} 分钟（泄漏源周围 {reachM} 米，至少 {leastM} 米），而非整个静风圆',
    'why.grid-plume': '网格 {nx}×{ny}，单元 {cellM} 米，高度 {zM} 米，单位 ppm（稳态高斯烟羽）；一帧稳态',
    'why.grid-transient': '网格 {nx}×{ny}，单元 {cellM} 米，高度 {zM} 米，单位 ppm（各时刻的高斯烟团 / 有限时长释放）；{frames} 帧，释放开始后 {timesS} 秒',
    'why.grid-dense-plume':
      '网格 {nx}×{ny}，单元 {cellM} 米，高度 {zM} 米，单位 ppm（Britter–McQuaid 烟羽：顶帽半宽和高度以内取轴线值（高度至少按 {layerM} 米呼吸带计），以外为 0；重气 → 被动扩散转换点 {handoverM} 米以外为虚源的被动高斯烟羽）；一帧稳态',
    'why.grid-dense-puff':
      '网格 {nx}×{ny}，单元 {cellM} 米，高度 {zM} 米，单位 ppm（Britter–McQuaid 烟团：各时刻云柱以内取云中值，以外为 0；重气 → 被动扩散转换点 {handoverM} 米以外为虚源的被动高斯烟团）；{frames} 帧，释放开始后 {timesS} 秒',
    'why.points-steady': '重点部位：稳态烟羽在输送时间 x/u 到达并此后保持；剂量按到达后 {minutes} 分钟计（AEGL 60 分钟时段）',
    'why.points-steady-short': '重点部位：稳态烟羽在输送时间 x/u 到达并此后保持；剂量按到达后 {minutes} 分钟计（AEGL 60 分钟时段，缩短为释放持续时间）',
    'why.points-transient': '重点部位：逐时取样浓度，直至气云经过该点（至少到最后一帧网格）；剂量 ∫C dt 按梯形法计算',
  },
});
