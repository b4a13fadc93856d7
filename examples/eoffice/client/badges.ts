// The lists' script: each row's <verify-badge> verifies its current version in the browser.
import { defineVerifyBadge } from '@kyso/components';

defineVerifyBadge();
