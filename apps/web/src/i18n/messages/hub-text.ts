import type { HubTextKey } from '@safetwin/protocol';
import { defineMessages } from '../messages-core.ts';

/** The hub's sentences (protocol HUB_TEXT_KEYS), worded for the wall; `{name}` are the hub's values. */
export const hubTextMessages = defineMessages<HubTextKey>({
  en: {
    'source.no-hits': 'no detector saw gas in the last {minutes} min',
    'source.few-hits': 'only {hits} detector(s) saw gas; at least {needed} are needed to tell the candidates apart',
    'source.no-candidate': 'no candidate item holds a chemical the plume model knows',
    'source.no-wind': 'no wind samples',
    'source.cannot-tell': 'the detectors cannot tell the candidates apart yet',
    'source.provisional-item': 'provisional source: {item}, the item nearest to detector {detector} ({basis}), because {why}',
    'source.provisional-detector': 'provisional source: the position of detector {detector} ({basis}), because {why}',
    'source.basis-highest': 'highest reading',
    'source.basis-alarm': 'its alarm',
    'ap.no-road': 'its road node {node} is not on the road graph',
    'ap.in-zone': 'inside the zone now ({ppm} ppm ≥ {zonePpm} ppm)',
    'ap.under-forecast': 'under the forecast zone: {zonePpm} ppm reached {inS} s from now, peak {peakPpm} ppm',
    'title.detected-near': '{chemical} detected near {place}',
    'title.release-at': '{chemical} release at {place}',
    'title.drill': 'Drill: {title}',
    'place.position': '({eastM} m E, {northM} m N)',
  },
  'zh-CN': {
    'source.no-hits': '最近 {minutes} 分钟内没有探测器检测到气体',
    'source.few-hits': '仅 {hits} 个探测器检测到气体；至少需要 {needed} 个才能区分候选泄漏源',
    'source.no-candidate': '没有候选设备装有扩散模型已知的化学品',
    'source.no-wind': '没有风速风向数据',
    'source.cannot-tell': '探测器数据尚不能区分候选泄漏源',
    'source.provisional-item': '暂定泄漏源：{item}，距探测器 {detector}（{basis}）最近的设备，原因：{why}',
    'source.provisional-detector': '暂定泄漏源：探测器 {detector}（{basis}）所在位置，原因：{why}',
    'source.basis-highest': '读数最高',
    'source.basis-alarm': '其报警',
    'ap.no-road': '其道路节点 {node} 不在路网上',
    'ap.in-zone': '当前位于危险区内（{ppm} ppm ≥ {zonePpm} ppm）',
    'ap.under-forecast': '位于预测危险区内：{inS} 秒后达到 {zonePpm} ppm，峰值 {peakPpm} ppm',
    'title.detected-near': '{place}附近检测到{chemical}',
    'title.release-at': '{place}{chemical}泄漏',
    'title.drill': '演练：{title}',
    'place.position': '（东 {eastM} 米，北 {northM} 米）',
  },
});
