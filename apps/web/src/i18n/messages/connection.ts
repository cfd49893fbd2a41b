import { defineMessages } from '../messages-core.ts';

/** The "data not live" banner shared by the wall and the sensor list. */
export const connectionMessages = defineMessages({
  en: {
    lostTitle: 'Connection to hub lost — data not live',
    lostDetail: 'Reconnecting to {hub}',
    downFor: ' · down for {age}',
    theHub: 'the hub',
    refusedTitle: 'The hub refused the live connection — data not live',
    notAllowed: 'not allowed',
    logInAgain: 'Log in again',
    connectingTitle: 'Connecting to hub — data not live yet',
    quietTitle: 'No readings from the hub for {age}',
    quietDetail: 'The link is up but nothing arrives; sensors show STALE as they age.',
  },
  'zh-CN': {
    lostTitle: '与中心连接中断 — 数据非实时',
    lostDetail: '正在重新连接 {hub}',
    downFor: ' · 已中断 {age}',
    theHub: '数据中心',
    refusedTitle: '中心拒绝了实时连接 — 数据非实时',
    notAllowed: '无权访问',
    logInAgain: '重新登录',
    connectingTitle: '正在连接中心 — 数据尚非实时',
    quietTitle: '已有 {age} 未收到数据',
    quietDetail: '连接正常但无数据到达；传感器将随时间显示为“失联”。',
  },
});
