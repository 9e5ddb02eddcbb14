export * from './cell-text';
export * from './content-disposition';
export * from './spreadsheet-reader';
export * from './spreadsheet-writer';
export * from './utf8-workbook-reader';
