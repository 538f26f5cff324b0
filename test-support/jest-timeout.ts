// Integration and end-to-end tests wait on real brokers, databases and processes.
jest.setTimeout(60_000);
