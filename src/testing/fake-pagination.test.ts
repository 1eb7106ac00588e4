import { describe, expect, it } from 'vitest';
import { parsePagination } from './fake-pagination';

describe('parsePagination', () => {
  it('defaults pageSize to 10 and reads numeric strings', () => {
    expect(parsePagination({})).toEqual({ offset: 0, pageSize: 10 });
    expect(parsePagination({ pageNum: '3', pageSize: '20' })).toEqual({ offset: 40, pageSize: 20 });
  });

  it('lets a non-zero offset win over pageNum', () => {
    expect(parsePagination({ offset: 5, pageNum: 3, pageSize: 10 })).toEqual({ offset: 5, pageSize: 10 });
    expect(parsePagination({ offset: '0', pageNum: 2, pageSize: 10 })).toEqual({ offset: 10, pageSize: 10 });
  });
});

describe('parsePagination body or query', () => {
  it('reads the query when the body has no pageSize, as FastGPT does', () => {
    expect(parsePagination({ appId: 'a' }, { pageSize: '5', pageNum: '2' })).toEqual({
      offset: 5,
      pageSize: 5,
    });
    expect(parsePagination({ pageSize: 3 }, { pageSize: '5' })).toEqual({ offset: 0, pageSize: 3 });
  });
});
