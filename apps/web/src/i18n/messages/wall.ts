import { defineMessages } from '../messages-core.ts';

/** The site wall's frame: header, panel titles, states. */
export const wallMessages = defineMessages({
  en: {
    region: 'Region',
    sensorList: 'Sensor list',
    twinTitle: '3D twin',
    mapTitle: 'Site plan',
    kpiTitle: 'Situation',
    alarmsTitle: 'Alarms',
    chemicalPark: 'Chemical park',
    coalMine: 'Coal mine',
    loading3d: 'Loading 3D view…',
    loadingMap: 'Loading map…',
    linkLive: 'HUB LIVE',
    linkConnecting: 'CONNECTING',
    linkLost: 'HUB LOST — NOT LIVE',
    linkRefused: 'REFUSED — NOT LIVE',
  },
  'zh-CN': {
    region: '区域总览',
    sensorList: '传感器列表',
    twinTitle: '三维孪生',
    mapTitle: '厂区平面图',
    kpiTitle: '态势',
    alarmsTitle: '报警',
    chemicalPark: '化工园区',
    coalMine: '煤矿',
    loading3d: '正在加载三维场景…',
    loadingMap: '正在加载地图…',
    linkLive: '实时连接',
    linkConnecting: '正在连接',
    linkLost: '连接中断 — 非实时',
    linkRefused: '连接被拒 — 非实时',
  },
});
