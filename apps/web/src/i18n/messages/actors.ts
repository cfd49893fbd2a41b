import { defineMessages } from '../messages-core.ts';

/** Who did something, where the hub acted on its own (`system`, `system:<logic>`); people are shown by their user name. */
export const actorMessages = defineMessages({
  en: {
    system: 'system',
    'system:interlock': 'methane interlock',
    'system:co-alarm': 'CO alarm logic',
    'system:esd': 'ESD logic',
    'system:withdrawal': 'withdrawal logic',
  },
  'zh-CN': {
    system: '系统',
    'system:interlock': '瓦斯电闭锁',
    'system:co-alarm': 'CO 报警联动',
    'system:esd': '紧急切断联锁',
    'system:withdrawal': '撤人联动',
  },
});
