import JSZip from 'jszip';

/** An .xlsx whose parts are there but whose XML is broken (what a half-saved or tampered file looks like). */
export async function writeXlsxWithBadXml(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
  );
  zip.file(
    '_rels/.rels',
    '<Relationships><Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>',
  );
  zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="台账" sheetId="1" r:id="rId1"</sheets>');
  zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"');
  zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row><row');
  return zip.generateAsync({ type: 'nodebuffer' });
}
