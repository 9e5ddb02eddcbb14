import { readChannelWord } from './read-channel-words';

describe('readChannelWord', () => {
  it('says in Chinese how a field was read, never the route or field name the log keeps', () => {
    expect(readChannelWord('JobSeeker.idNumber')).toBe('在系统中查看个人信息');
    expect(readChannelWord('JobSeeker.phone')).toBe('在系统中查看个人信息');
    expect(readChannelWord('GET /seekers/export')).toBe('导出求职者台账');
    expect(readChannelWord('GET /statistics/placements/export')).toBe('导出就业台账');
    expect(readChannelWord('GET /contracts/:id/pdf')).toBe('下载劳动合同');
    expect(readChannelWord('Something.new')).not.toMatch(/[A-Za-z]/);
  });
});
