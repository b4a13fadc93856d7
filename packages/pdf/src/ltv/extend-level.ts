import { concat, KysoError, type TimestampOptions } from '@kyso/core';
import { type ByteSource, bytesSource } from '../io/byte-source.js';
import { appendedSource } from '../io/concat-source.js';
import {
  addValidationData,
  type ValidationDataOptions,
  type ValidationDataReport,
} from './add-validation-data.js';
import type { AppendedPdf } from './append.js';
import {
  addDocumentTimestamp,
  type DocumentTimestampOptions,
  type DocumentTimestampResult,
} from './document-timestamp.js';

export type LtvLevel = 'B-LT' | 'B-LTA';

export interface ExtendLevelOptions extends ValidationDataOptions {
  /** The TSA of the document time-stamp; required for B-LTA. */
  tsa?: TimestampOptions;
  /** Settings of the document time-stamp (B-LTA). */
  timestamp?: Omit<DocumentTimestampOptions, 'tsa' | 'provider' | 'signal'>;
}

export interface ExtendedPdf extends AppendedPdf {
  validation: ValidationDataReport;
  /** The document time-stamp added (B-LTA). */
  timestamp?: Omit<DocumentTimestampResult, keyof AppendedPdf>;
}

/**
 * Raises a signed document to B-LT (a DSS update for every signature and time-stamp) or B-LTA (that,
 * then a document time-stamp). Run again on a B-LTA file, it renews the archive: the DSS gains what
 * the last document time-stamp needs, and a new time-stamp covers it all. Every step is its own
 * incremental update; `appended` is all of them together.
 */
export async function extendLevel(
  input: ByteSource | Uint8Array,
  level: LtvLevel,
  options: ExtendLevelOptions = {},
): Promise<ExtendedPdf> {
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  if (level !== 'B-LT' && level !== 'B-LTA')
    throw new KysoError('USAGE', {
      params: { detail: `level ${String(level)} is not an LTV level (B-LT, B-LTA)` },
    });
  if (level === 'B-LTA' && !options.tsa)
    throw new KysoError('USAGE', { params: { detail: 'level B-LTA needs a time-stamp authority (--tsa)' } });

  const dss = await addValidationData(source, options);
  if (level === 'B-LT') return { source, appended: dss.appended, result: dss.result, validation: dss.report };

  const stamped = await addDocumentTimestamp(dss.result, {
    ...options.timestamp,
    tsa: options.tsa!,
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const appended = concat(dss.appended, stamped.appended);
  return {
    source,
    appended,
    result: appendedSource(source, appended),
    validation: dss.report,
    timestamp: { fieldName: stamped.fieldName, token: stamped.token, tstInfo: stamped.tstInfo },
  };
}
