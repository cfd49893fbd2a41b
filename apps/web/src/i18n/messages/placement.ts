import type { MethanePlacement } from '@safetwin/twin-models';
import { defineMessages } from '../messages-core.ts';

/** Where a mine's methane sensor sits (twin-models METHANE_PLACEMENTS), in the words of 《煤矿安全规程》's methane table. */
export const placementMessages = defineMessages<MethanePlacement>({
  en: {
    'longwall-face': 'longwall face',
    'upper-corner': 'upper corner',
    'face-return-airway': 'face return airway',
    'face-intake-airway': 'face intake airway',
    shearer: 'shearer',
    'heading-face': 'heading face',
    'heading-return': 'heading return airflow',
    roadheader: 'roadheader',
    'main-return': 'main return airway',
  },
  'zh-CN': {
    'longwall-face': '采煤工作面',
    'upper-corner': '上隅角',
    'face-return-airway': '工作面回风巷',
    'face-intake-airway': '工作面进风巷',
    shearer: '采煤机',
    'heading-face': '掘进工作面',
    'heading-return': '掘进工作面回风流',
    roadheader: '掘进机',
    'main-return': '总回风巷',
  },
});
