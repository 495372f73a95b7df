// cdktf's matchers: toHaveResourceWithProperties, toHaveDataSource, ... (types: cdktf-jest-matchers.d.ts).
import { Testing } from 'cdktf';

Testing.setupJest();
