#!/usr/bin/env node
// The built CLI lives in dist/bundle (see build.mjs); this stub exists before the build so npm can
// link the bin at install.
import '../dist/bundle/bin.js';
