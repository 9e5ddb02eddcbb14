import { startTestApp, type TestApp } from '../support/test-app';

describe('the API over HTTP', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => api?.close());

  it('answers { __typename } and reports the database up', async () => {
    expect(await api.gql('{ __typename }')).toEqual({ data: { __typename: 'Query' } });
    const health = await (await fetch(`${api.url}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: 'up' });
  });
});
