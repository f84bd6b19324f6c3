// Function tests run hundreds of concurrent calls against the local database; on a loaded
// 2-core CI machine the default 5 s per test is too tight to be a fair limit.
jest.setTimeout(20_000);
