import fc from 'fast-check';
import { describe } from 'vitest';

import { LANGUAGES, ROLES, STAFF_ROLES } from '@onegate/domain';
import { MAX_PAGE } from '@onegate/persistence';

import { requestClassProperties } from '../../../../test/support/request-properties';
import {
  email,
  localDate,
  mobilePhone,
  nationalId,
  someOf,
  text,
  uuid,
  wholeText,
} from '../../../../test/support/valid-values';
import { AUDIT_EVENT_TYPES, AuditQuery } from '../identity/audit.dto';
import { LoginRequest, RefreshRequest, RegisterRequest } from '../identity/auth.dto';
import { ChangePasswordRequest, UpdateMeRequest } from '../identity/me.dto';
import { CreateStaffRequest, UpdateUserRequest, UserQuery } from '../identity/staff.dto';

const password = fc.string({ minLength: 1, maxLength: 128 });

describe('identity requests', () => {
  requestClassProperties({
    metatype: RegisterRequest,
    type: 'body',
    fields: ['nationalId', 'fullName', 'email', 'phone', 'password', 'language'],
    valid: fc.record(
      {
        nationalId,
        fullName: text(255),
        email,
        phone: mobilePhone,
        password,
        language: fc.constantFrom(...LANGUAGES),
      },
      { requiredKeys: ['nationalId', 'fullName', 'email', 'phone', 'password'] },
    ),
  });
  requestClassProperties({
    metatype: LoginRequest,
    type: 'body',
    fields: ['username', 'password'],
    valid: fc.record({ username: text(255), password }),
  });
  requestClassProperties({
    metatype: RefreshRequest,
    type: 'body',
    fields: ['refreshToken'],
    valid: fc.record({ refreshToken: text(128) }),
  });
  requestClassProperties({
    metatype: UpdateMeRequest,
    type: 'body',
    fields: ['language', 'phone', 'email'],
    valid: someOf({ language: fc.constantFrom(...LANGUAGES), phone: mobilePhone, email }),
  });
  requestClassProperties({
    metatype: ChangePasswordRequest,
    type: 'body',
    fields: ['currentPassword', 'newPassword'],
    valid: fc.record({ currentPassword: password, newPassword: password }),
  });
  requestClassProperties({
    metatype: CreateStaffRequest,
    type: 'body',
    fields: ['email', 'fullName', 'role', 'agencyCode', 'password'],
    valid: fc.record({
      email,
      fullName: text(255),
      role: fc.constantFrom(...STAFF_ROLES),
      agencyCode: text(32),
      password,
    }),
  });
  requestClassProperties({
    metatype: UpdateUserRequest,
    type: 'body',
    fields: ['role', 'agencyCode', 'active'],
    valid: someOf({
      role: fc.constantFrom(...ROLES),
      agencyCode: fc.string({ maxLength: 32 }),
      active: fc.boolean(),
    }),
  });
  requestClassProperties({
    metatype: UserQuery,
    type: 'query',
    fields: ['page', 'pageSize', 'role', 'agency', 'q'],
    valid: someOf({
      page: wholeText(1, MAX_PAGE),
      pageSize: wholeText(1, 100),
      role: fc.constantFrom(...ROLES),
      agency: fc.string({ maxLength: 32 }),
      q: fc.string({ maxLength: 100 }),
    }),
  });
  requestClassProperties({
    metatype: AuditQuery,
    type: 'query',
    fields: ['page', 'pageSize', 'type', 'userId', 'from', 'to'],
    valid: someOf({
      page: wholeText(1, MAX_PAGE),
      pageSize: wholeText(1, 100),
      type: fc.constantFrom(...AUDIT_EVENT_TYPES),
      userId: uuid,
      from: localDate,
      to: localDate,
    }),
  });
});
