// Browser journeys take seconds, not milliseconds; `testTimeout` in a project config is not
// honoured by jest's multi-project runs, so it is set here for every e2e file.
jest.setTimeout(60_000);
