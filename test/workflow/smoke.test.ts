import { caseStatuses } from '../../services/workflow';
import { caseAt } from './support/driver';

describe('smoke', () => {
  for (const status of caseStatuses) it(status, () => { caseAt(status); });
});
