// The reader: configparser's dialect (CPython 3.11, as dbnd configures it), error tolerant, with exact ranges.
export * from './model';
export { parseCfg } from './parseCfg';
export { toDbndView, dbndReadError, dbndViewToJson } from './dbndView';
export type { DbndFileView, DbndReadError, DbndSectionView, DbndValue } from './dbndView';
export { tolerantDocument } from './tolerantDocument';
export type { TolerantDocument } from './tolerantDocument';
export { nodeAt, lineInfoAt } from './nodeAt';
export type { CfgNode, CfgLineInfo } from './nodeAt';
export { pythonErrorMessage } from './pythonErrorMessages';
export { MAX_INTERPOLATION_DEPTH } from './interpolation';
export { decodeUtf8 } from './decodeUtf8';
export type { Utf8DecodeError, Utf8DecodeResult } from './decodeUtf8';
export { reparseCfg, reparseCfgText, applyCfgChange, textChange } from './incremental';
export type { CfgTextChange } from './incremental';
