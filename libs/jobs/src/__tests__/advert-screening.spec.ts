import { refusalMessage, screenAdvert } from '../advert-screening';

const refused = (text: string) => screenAdvert({ title: '普工', description: text, requirements: '' }).refusals;

describe('advert screening', () => {
  it.each([
    ['限男性，身体好', '第二十七条'],
    ['仅限男性', '第二十七条'],
    ['只招女工', '第二十七条'],
    ['招女工20名', '第二十七条'],
    ['女士优先', '第二十七条'],
    ['男性优先', '第二十七条'],
    ['性别：男', '第二十七条'],
    ['女性勿扰', '第二十七条'],
    ['不要女的', '第二十七条'],
    ['限汉族', '第二十八条'],
    ['民族：汉族', '第二十八条'],
    ['少数民族勿扰', '第二十八条'],
    ['无宗教信仰', '第三条'],
    ['信教者勿扰', '第三条'],
    ['限本地户口', '第三十一条'],
    ['本县户籍优先', '第三十一条'],
    ['要求城镇户口', '第三十一条'],
    ['农业户口', '第三十一条'],
    ['乙肝携带者勿扰', '第三十条'],
    ['无乙肝', '第三十条'],
    ['HBV 阳性者不录用', '第三十条'],
    ['入职检查乙肝两对半', '第三十条'],
    ['残疾人勿扰', '第二十九条'],
  ])('refuses "%s", citing %s', (text, article) => {
    const refusals = refused(text);
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals[0].reason).toContain('就业促进法');
    expect(refusals[0].reason).toContain(article);
  });

  it.each([
    '男装缝纫，计件工资',
    '缝制女装、童装，熟练工',
    '性别不限，年龄不限',
    '不限男女，能吃苦耐劳',
    '工作地点：车田苗族乡',
    '河口瑶族乡猴背村百香果基地采摘',
    '欢迎乙肝携带者应聘',
    '户籍不限，欢迎返乡人员',
    '持健康证上岗（食品行业规定）',
    '身体健康，能适应户外工作',
    '男女宿舍分开，包吃住',
    '女工宿舍有空调',
  ])('lets "%s" through', (text) => {
    expect(refused(text)).toEqual([]);
  });

  it.each([
    ['男保安', '男保安'],
    ['招聘：女服务员', '女服务员'],
    ['女性收银员', '女性收银员'],
    ['保安（男）', '（男）'],
  ])('refuses the title "%s" with the same explanation as the requirements', (title, phrase) => {
    const screening = screenAdvert({ title, description: '包吃住', requirements: '' });
    expect(screening.refusals).toEqual([expect.objectContaining({ field: 'title', phrase })]);
    expect(refusalMessage(screening.refusals)).toBe(
      `招聘信息含有就业歧视内容，请删除或修改后再提交。岗位名称中的"${phrase}"：《就业促进法》第三条、第二十七条：招用人员不得以性别为由拒绝录用或提高录用标准`,
    );
    const inRequirements = screenAdvert({ title: '保安', description: '', requirements: '限男性' }).refusals;
    expect(inRequirements[0].reason).toBe(screening.refusals[0].reason);
  });

  it.each(['男装导购', '女鞋店员', '男科护士', '男女普工', '童装缝纫工', '保安', '女装店（包吃住）'])('lets the title "%s" through', (title) => {
    expect(screenAdvert({ title, description: '', requirements: '' }).refusals).toEqual([]);
  });

  it('flags an age limit for staff without refusing it', () => {
    const screening = screenAdvert({ title: '采茶工', description: '年龄18-45岁，能吃苦', requirements: '' });
    expect(screening.refusals).toEqual([]);
    expect(screening.flags).toEqual(['年龄限制：18-45岁']);
    expect(screenAdvert({ title: '保洁', description: '', requirements: '55周岁以下' }).flags).toEqual(['年龄限制：55周岁以下']);
  });

  it('names the field, the phrase and the law in the message', () => {
    const screening = screenAdvert({ title: '仓管（限男性）', description: '包吃住', requirements: '' });
    expect(refusalMessage(screening.refusals)).toBe(
      '招聘信息含有就业歧视内容，请删除或修改后再提交。岗位名称中的"限男性"：《就业促进法》第三条、第二十七条：招用人员不得以性别为由拒绝录用或提高录用标准',
    );
  });
});
