/**
 * The fast tier (`make test-fast`, `npm run test:fast`): the unit, Atlas client, simulator, input, replay and workflow
 * tests, for the edit-test loop. `make test` (jest.config.js) runs everything CI runs, these included.
 */
import base from './jest.config.js';

export default {
  ...base,
  testMatch: [
    '<rootDir>/test/{unit,atlas,activities,notify,simulator,input,replay,workflow}/**/*.test.ts',
    '<rootDir>/test/cli/{status-text,batch-confirm,drill-report,drill-input}.test.ts',
    '<rootDir>/test/worker/{config,preload}.test.ts',
  ],
  // The slow ends of those folders, all in `make test`: a 30-day restore replayed in full, the end-to-end restores
  // on the dev server in real time (dev-server, the walking skeleton on both servers, two restores under the token
  // bucket), and the simulator's FerretDB data plane. The workflow's branches are in the stub tests (test/workflow).
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/test/workflow/long-restore\\.test\\.ts',
    '<rootDir>/test/workflow/dev-server\\.test\\.ts',
    '<rootDir>/test/workflow/skeleton\\.test\\.ts',
    '<rootDir>/test/workflow/rate-limit\\.test\\.ts',
    '<rootDir>/test/simulator/data-plane\\.test\\.ts',
  ],
};
