import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { creditCodeCheckChar } from '@jobcode/common';

import { Employer } from '../employer.entity';
import { EmployersService } from '../employers.service';
import { demoAdmin, type DemoRandomSource, type LibraryDemoStep } from './demo-support';

/** The demo county's employers: [name, region, address, contact, industry tag]. */
export const DEMO_EMPLOYERS: [string, string, string, string, string][] = [
  ['资源县金江番茄种植专业合作社', '450329103201', '瓜里乡金江村番茄基地', '蒋建华', 'tomato'],
  ['资源县白竹村番茄种植专业合作社', '450329103202', '瓜里乡白竹村村委旁', '邓小军', 'tomato'],
  ['资源县大田村高山番茄家庭农场', '450329103203', '瓜里乡大田村 3 组', '唐永福', 'tomato'],
  ['资源县中峰镇辣椒种植专业合作社', '450329101201', '中峰镇中峰村辣椒基地', '黄志强', 'chilli'],
  ['资源县八坊村朝天椒种植基地', '450329101203', '中峰镇八坊村', '刘德明', 'chilli'],
  ['资源县大庄村辣椒加工厂', '450329101202', '中峰镇大庄村工业点', '蒋丽萍', 'chilli'],
  ['资源县猴背村百香果种植基地', '450329202201', '河口瑶族乡猴背村', '盘金花', 'passion'],
  ['资源县河口乡百香果专业合作社', '450329202203', '河口瑶族乡河口村', '赵有才', 'passion'],
  ['资源县葱坪村百香果示范园', '450329202204', '河口瑶族乡葱坪村', '盘志勇', 'passion'],
  ['资源县锦绣服饰有限公司', '450329100201', '资源镇城南村工业园 A 区', '李秀英', 'textile'],
  ['资源县山里妹手工编织有限公司', '450329200201', '车田苗族乡车田村', '杨春梅', 'textile'],
  ['资源县苗绣文化传承有限公司', '450329200203', '车田苗族乡龙塘村', '杨秀兰', 'textile'],
  ['资源县恒达制衣厂', '450329102201', '梅溪镇梅溪村', '陈国栋', 'textile'],
  ['资源县高山云雾茶业有限公司', '450329201201', '两水苗族乡两水村茶园', '龙光明', 'tea'],
  ['资源县社水村茶叶专业合作社', '450329201202', '两水苗族乡社水村', '石永红', 'tea'],
  ['资源县凤水生态茶厂', '450329201203', '两水苗族乡凤水村', '龙玉兰', 'tea'],
  ['资源县华越电子科技有限公司', '450329100202', '资源镇城北村工业集中区 3 号厂房', '王海涛', 'electronics'],
  ['资源县鑫源电子元件有限公司', '450329100202', '资源镇城北村工业集中区 5 号厂房', '周文斌', 'electronics'],
  ['资源县精工线束有限公司', '450329100203', '资源镇石溪头村工业点', '唐国庆', 'electronics'],
  ['资源县竹木制品加工厂', '450329102202', '梅溪镇大湾村', '邓永祥', 'bamboo'],
  ['资源县胡家田竹编专业合作社', '450329102203', '梅溪镇胡家田村', '胡金华', 'bamboo'],
  ['资源县资江漂流旅游有限公司', '450329100', '资源镇资江码头', '罗建军', 'tourism'],
  ['资源县八角寨景区管理有限公司', '450329200', '车田苗族乡八角寨景区', '蒋志华', 'tourism'],
  ['资源县石洞村生态养殖合作社', '450329200202', '车田苗族乡石洞村', '杨正发', 'livestock'],
  ['资源县瓜里村红提种植基地', '450329103204', '瓜里乡瓜里村', '唐秀珍', 'fruit'],
  ['资源县城南物流配送有限公司', '450329100201', '资源镇城南村物流园', '刘志刚', 'logistics'],
  ['资源县中峰镇农机服务专业合作社', '450329101', '中峰镇农机站', '黄永生', 'farm'],
  ['资源县梅溪镇建筑劳务有限公司', '450329102', '梅溪镇街上 18 号', '陈志明', 'construction'],
  ['资源县大湾村蔬菜配送中心', '450329102202', '梅溪镇大湾村', '邓春燕', 'farm'],
  ['资源县河口乡民族餐饮有限公司', '450329202', '河口瑶族乡街上', '盘秀芳', 'catering'],
];

/** Check-character-valid credit codes that are the same on every run. */
export function demoCreditCode(index: number): string {
  const first17 = `92450329MA5K${String(index + 1).padStart(4, '0')}X`;
  return `${first17}${creditCodeCheckChar(first17)}`;
}

export const employersDemo: LibraryDemoStep = {
  name: 'employers',
  async run(app: INestApplicationContext, random: DemoRandomSource): Promise<string> {
    const dataSource = app.get(DataSource);
    if (await dataSource.manager.exists(Employer, { where: { creditCode: demoCreditCode(0) } })) return 'already loaded';
    const admin = await demoAdmin(app);
    const service = app.get(EmployersService);
    for (const [index, [name, regionCode, address, contactName]] of DEMO_EMPLOYERS.entries()) {
      const phone = `1${random.pick(['38', '39', '58', '77', '87'])}${String(random.int(10000000, 99999999))}`;
      await service.register(admin, {
        name,
        creditCode: demoCreditCode(index),
        contactName,
        contactPhone: phone,
        regionCode,
        address,
        legalRepresentative: contactName,
      });
    }
    return `${DEMO_EMPLOYERS.length} employers, verified`;
  },
};
