import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { zoneAbbreviation, zoneOfRegion } from '@tl/domain';
import { DateTime } from 'luxon';
import { CommitmentsReader } from '../commitments.reader';
import type { CommitmentView } from '../commitment.view';
import { CommitmentFilterQuery } from './commitments.dto';

const STATUS_LABELS: Record<string, string> = {
  open: 'Belum dimulai',
  in_progress: 'Sedang dikerjakan',
  blocked: 'Terhambat',
  done: 'Selesai',
  cancelled: 'Dibatalkan',
};

/** Columns of both spreadsheets, headed in Bahasa Indonesia. */
const COLUMNS: Array<{ header: string; width: number; value: (c: CommitmentView) => string | number | null }> = [
  { header: 'ID', width: 38, value: (c) => c.id },
  { header: 'Tindak Lanjut', width: 50, value: (c) => c.title },
  { header: 'Uraian', width: 50, value: (c) => c.description },
  { header: 'Rapat', width: 45, value: (c) => c.meeting?.title ?? null },
  { header: 'Tanggal Rapat', width: 14, value: (c) => (c.meeting ? DateTime.fromJSDate(c.meeting.startsAt, { zone: 'Asia/Jakarta' }).toISODate() : null) },
  { header: 'Penanggung Jawab', width: 28, value: (c) => c.owner?.name ?? null },
  { header: 'Jabatan', width: 40, value: (c) => c.owner?.position ?? null },
  { header: 'Kode Wilayah', width: 12, value: (c) => c.regionCode },
  { header: 'Wilayah', width: 28, value: (c) => c.regionName },
  { header: 'Program', width: 28, value: (c) => c.program?.name ?? null },
  {
    header: 'Batas Waktu',
    width: 22,
    value: (c) => {
      const zone = zoneOfRegion(c.regionCode);
      return `${DateTime.fromJSDate(c.dueAt, { zone }).toFormat('yyyy-MM-dd HH:mm')} ${zoneAbbreviation(zone)}`;
    },
  },
  { header: 'Status', width: 18, value: (c) => STATUS_LABELS[c.status] ?? c.status },
  { header: 'Terlambat (hari)', width: 16, value: (c) => (c.overdue ? c.daysOverdue : 0) },
  { header: 'Satuan', width: 10, value: (c) => c.indicator?.unit ?? null },
  { header: 'Baseline', width: 12, value: (c) => c.indicator?.baseline ?? null },
  { header: 'Target', width: 12, value: (c) => c.indicator?.target ?? null },
  { header: 'Capaian', width: 12, value: (c) => c.indicator?.achieved ?? null },
  { header: 'Versi', width: 8, value: (c) => c.version },
];

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly reader: CommitmentsReader) {}

  @Get('commitments.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="tindak-lanjut.csv"')
  async csv(@Query() query: CommitmentFilterQuery): Promise<string> {
    const rows = await this.reader.all(query);
    // The BOM lets spreadsheet programs read the Indonesian text as UTF-8.
    return '\uFEFF' + stringify([COLUMNS.map((c) => c.header), ...rows.map((row) => COLUMNS.map((c) => c.value(row)))]);
  }

  @Get('commitments.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Disposition', 'attachment; filename="tindak-lanjut.xlsx"')
  async xlsx(@Query() query: CommitmentFilterQuery): Promise<StreamableFile> {
    const rows = await this.reader.all(query);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Tindak Lanjut';
    const sheet = workbook.addWorksheet('Tindak Lanjut', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(COLUMNS.map((c) => c.value(row)));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    const buffer = await workbook.xlsx.writeBuffer();
    return new StreamableFile(Buffer.from(buffer as ArrayBuffer));
  }
}
