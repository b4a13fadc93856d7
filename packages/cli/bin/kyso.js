#!/usr/bin/env node
// The built CLI lives in dist/; this stub exists before the build so npm can link the bin at install.
import '../dist/bin.js';
