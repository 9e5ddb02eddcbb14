import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  SEEKER = 'SEEKER',
  EMPLOYER = 'EMPLOYER',
  STAFF = 'STAFF',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  description: '账号角色',
  valuesMap: {
    SEEKER: { description: '求职者' },
    EMPLOYER: { description: '用人单位' },
    STAFF: { description: '村、乡镇、县工作人员（限定管辖区域）' },
    ADMIN: { description: '系统管理员' },
  },
});
