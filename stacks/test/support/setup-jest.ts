import { Testing } from 'cdktf';

// cdktf's matchers: toHaveResourceWithProperties, toHaveDataSource, ... (types: cdktf-jest-matchers.d.ts).
Testing.setupJest();
