import { ObjectType } from '@nestjs/graphql';

import { Connection } from '@jobcode/common';

import { EmployerObject } from './employer.object';

@ObjectType('EmployerConnection')
export class EmployerConnection extends Connection(EmployerObject, 'Employer') {}
