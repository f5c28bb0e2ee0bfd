// The demo data set: the five coordination meetings reported in /work/shared/seeds/ (see its README),
// with their organisers, attendees and the follow-up commitments ("tindak lanjut") they produced.
//
// Conventions
// - Names and positions are as the reports give them. Where a report names a role but no person,
//   the official's `name` is that role (e.g. "Kepala Disperakim Kab. Sanggau"); no person is invented.
// - E-mail addresses are invented, on the reserved `.example` top-level domain.
// - Region codes are Kemendagri codes as shipped by `idn-area-data` (checked by seed-data.spec.ts).
// - The commitments are modelled on what each meeting asked for or agreed; their due dates are relative
//   to the day the demo is loaded (`dueInDays`), so the demo always has overdue and upcoming items.
// - Keys are kebab-case and unique across the whole file: the loader derives deterministic ids from them.
import type {
  SeedAgency,
  SeedData,
  SeedMeeting,
  SeedOfficial,
  SeedProgram,
} from './seed-data.types';

// ---------------------------------------------------------------------------------------------
// Programs
// ---------------------------------------------------------------------------------------------
const programs: SeedProgram[] = [
  { key: 'program-tiga-juta-rumah', code: '3JR', name: 'Program Tiga Juta Rumah' },
  { key: 'program-perumahan-perdesaan', code: 'PERDESAAN', name: 'Perumahan Perdesaan' },
  {
    key: 'program-kawasan-kumuh',
    code: 'KUMUH',
    name: 'Kawasan Permukiman: Penanganan Kawasan Permukiman Kumuh',
  },
  { key: 'program-rtlh', code: 'RTLH', name: 'Penanganan Rumah Tidak Layak Huni (RTLH)' },
  { key: 'program-psu', code: 'PSU', name: 'Prasarana, Sarana dan Utilitas Umum (PSU) Permukiman' },
  {
    key: 'program-sinkronisasi-rpjmn',
    code: 'RPJMN',
    name: 'Sinkronisasi Program Pusat dan Daerah (RPJMN 2025–2029)',
  },
];

// ---------------------------------------------------------------------------------------------
// Agencies
// ---------------------------------------------------------------------------------------------

// The eight Kalimantan Barat regencies that attended the Pontianak meeting (each sent officials of
// Disperakim, DPMPTSP, Bapenda and Dinas PMD). A representative subset of two agencies per regency.
const kalbarRegencies = [
  { slug: 'bengkayang', name: 'Bengkayang', code: '61.07', second: 'dpmptsp' },
  { slug: 'landak', name: 'Landak', code: '61.08', second: 'dpmd' },
  { slug: 'sanggau', name: 'Sanggau', code: '61.03', second: 'bapenda' },
  { slug: 'ketapang', name: 'Ketapang', code: '61.04', second: 'dpmptsp' },
  { slug: 'sintang', name: 'Sintang', code: '61.05', second: 'dpmd' },
  { slug: 'kapuas-hulu', name: 'Kapuas Hulu', code: '61.06', second: 'dpmd' },
  { slug: 'sekadau', name: 'Sekadau', code: '61.09', second: 'dpmd' },
  { slug: 'melawi', name: 'Melawi', code: '61.10', second: 'bapenda' },
] as const;

type KalbarAgencyKind = 'disperakim' | 'dpmptsp' | 'bapenda' | 'dpmd';
const kalbarAgencyKinds: Record<
  KalbarAgencyKind,
  { agencyName: (regency: string) => string; head: (regency: string) => string; position: (regency: string) => string }
> = {
  disperakim: {
    agencyName: (r) => `Dinas Perumahan dan Kawasan Permukiman (Disperakim) Kabupaten ${r}`,
    head: (r) => `Kepala Disperakim Kab. ${r}`,
    position: (r) => `Kepala Dinas Perumahan dan Kawasan Permukiman Kabupaten ${r}`,
  },
  dpmptsp: {
    agencyName: (r) => `Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP) Kabupaten ${r}`,
    head: (r) => `Kepala DPMPTSP Kab. ${r}`,
    position: (r) => `Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten ${r}`,
  },
  bapenda: {
    agencyName: (r) => `Badan Pendapatan Daerah (Bapenda) Kabupaten ${r}`,
    head: (r) => `Kepala Bapenda Kab. ${r}`,
    position: (r) => `Kepala Badan Pendapatan Daerah Kabupaten ${r}`,
  },
  dpmd: {
    agencyName: (r) => `Dinas Pemberdayaan Masyarakat dan Desa (Dinas PMD) Kabupaten ${r}`,
    head: (r) => `Kepala Dinas PMD Kab. ${r}`,
    position: (r) => `Kepala Dinas Pemberdayaan Masyarakat dan Desa Kabupaten ${r}`,
  },
};

const kalbarRegencyAgencies: SeedAgency[] = kalbarRegencies.flatMap((r) =>
  (['disperakim', r.second] as KalbarAgencyKind[]).map((kind) => ({
    key: `${kind}-${r.slug}`,
    name: kalbarAgencyKinds[kind].agencyName(r.name),
    level: 'regency' as const,
    regionCode: r.code,
  })),
);

const agencies: SeedAgency[] = [
  // Central government (national scope: no region code).
  { key: 'kemendagri', name: 'Kementerian Dalam Negeri (Kemendagri)', level: 'central' },
  {
    key: 'ditjen-perumahan-perdesaan',
    name: 'Direktorat Jenderal Perumahan Perdesaan, Kementerian Perumahan dan Kawasan Permukiman (Kementerian PKP)',
    level: 'central',
  },
  {
    // A field office of Kementerian PKP; the report does not say where it sits, so no region code.
    key: 'balai-kalimantan-1',
    name: 'Balai Pelaksana Penyediaan Perumahan dan Kawasan Permukiman Kalimantan I',
    level: 'central',
  },

  // Kalimantan Tengah (62)
  { key: 'pemprov-kalteng', name: 'Pemerintah Provinsi Kalimantan Tengah', level: 'province', regionCode: '62' },
  { key: 'setda-kalteng', name: 'Sekretariat Daerah Provinsi Kalimantan Tengah', level: 'province', regionCode: '62' },
  {
    key: 'bapperida-kalteng',
    name: 'Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah (Bapperida) Provinsi Kalimantan Tengah',
    level: 'province',
    regionCode: '62',
  },
  {
    key: 'disperkimtan-kalteng',
    name: 'Dinas Perumahan, Kawasan Permukiman dan Pertanahan (Disperkimtan) Provinsi Kalimantan Tengah',
    level: 'province',
    regionCode: '62',
  },
  {
    key: 'disperkim-palangka-raya',
    name: 'Dinas Perumahan dan Kawasan Permukiman Kota Palangka Raya',
    level: 'regency',
    regionCode: '62.71',
  },
  {
    key: 'disperkim-kotawaringin-timur',
    name: 'Dinas Perumahan dan Kawasan Permukiman Kabupaten Kotawaringin Timur',
    level: 'regency',
    regionCode: '62.02',
  },
  {
    key: 'disperkim-kapuas',
    name: 'Dinas Perumahan dan Kawasan Permukiman Kabupaten Kapuas',
    level: 'regency',
    regionCode: '62.03',
  },

  // Kalimantan Barat (61)
  { key: 'setda-kalbar', name: 'Sekretariat Daerah Provinsi Kalimantan Barat', level: 'province', regionCode: '61' },
  {
    key: 'disperkim-kalbar',
    name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman (Dinas Perkim) Provinsi Kalimantan Barat',
    level: 'province',
    regionCode: '61',
  },
  ...kalbarRegencyAgencies,

  // Kalimantan Selatan (63)
  { key: 'setda-kalsel', name: 'Sekretariat Daerah Provinsi Kalimantan Selatan', level: 'province', regionCode: '63' },
  {
    key: 'disperkim-kalsel',
    name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman (Disperkim) Provinsi Kalimantan Selatan',
    level: 'province',
    regionCode: '63',
  },
  {
    key: 'disperkim-banjarmasin',
    name: 'Dinas Perumahan dan Kawasan Permukiman Kota Banjarmasin',
    level: 'regency',
    regionCode: '63.71',
  },
  {
    key: 'disperkim-banjar',
    name: 'Dinas Perumahan dan Kawasan Permukiman Kabupaten Banjar',
    level: 'regency',
    regionCode: '63.03',
  },
  {
    key: 'disperkim-tanah-laut',
    name: 'Dinas Perumahan dan Kawasan Permukiman Kabupaten Tanah Laut',
    level: 'regency',
    regionCode: '63.01',
  },
];

// ---------------------------------------------------------------------------------------------
// Officials
// ---------------------------------------------------------------------------------------------

const kalbarRegencyOfficials: SeedOfficial[] = kalbarRegencies.flatMap((r) =>
  (['disperakim', r.second] as KalbarAgencyKind[]).map((kind) => ({
    key: `kepala-${kind}-${r.slug}`,
    name: kalbarAgencyKinds[kind].head(r.name),
    position: kalbarAgencyKinds[kind].position(r.name),
    agencyKey: `${kind}-${r.slug}`,
    email: `kepala.${kind}@${r.slug.replace(/-/g, '')}kab.example`,
    regionCode: r.code,
    locale: 'id' as const,
  })),
);

const officials: SeedOfficial[] = [
  // Central government
  {
    key: 'mendagri-tito-karnavian',
    name: 'Muhammad Tito Karnavian',
    position: 'Menteri Dalam Negeri',
    agencyKey: 'kemendagri',
    email: 'tito.karnavian@kemendagri.example',
    locale: 'id',
    leadership: true,
  },
  {
    // The Jakarta report quotes "pihak Kementerian Dalam Negeri" without naming anyone.
    key: 'perwakilan-kemendagri',
    name: 'Perwakilan Kemendagri',
    position: 'Pejabat Kementerian Dalam Negeri',
    agencyKey: 'kemendagri',
    email: 'perwakilan@kemendagri.example',
    supervisorKey: 'mendagri-tito-karnavian',
    locale: 'id',
  },
  {
    key: 'dirjen-imran',
    name: 'Dr. Drs. Imran, M.Si., M.A.Cd',
    position: 'Direktur Jenderal Perumahan Perdesaan',
    agencyKey: 'ditjen-perumahan-perdesaan',
    email: 'imran@pkp.example',
    locale: 'id',
    leadership: true,
  },
  {
    key: 'direktur-an-an-andri-hikmat',
    name: 'R. An An Andri Hikmat S.R, AP, MM',
    position: 'Direktur Pembiayaan Perumahan Perdesaan',
    agencyKey: 'ditjen-perumahan-perdesaan',
    email: 'anan.hikmat@pkp.example',
    supervisorKey: 'dirjen-imran',
    locale: 'id',
  },
  {
    key: 'direktur-agus-wahidi',
    name: 'H. Agus Wahidi, S.Pd., M.Si.',
    position: 'Direktur Peningkatan Kualitas Perumahan Perdesaan',
    agencyKey: 'ditjen-perumahan-perdesaan',
    email: 'agus.wahidi@pkp.example',
    supervisorKey: 'dirjen-imran',
    locale: 'id',
  },
  {
    // Not named in the report. The one official with English e-mails, to exercise that locale.
    key: 'kepala-balai-kalimantan-1',
    name: 'Kepala Balai Kalimantan I',
    position: 'Kepala Balai Pelaksana Penyediaan Perumahan dan Kawasan Permukiman Kalimantan I',
    agencyKey: 'balai-kalimantan-1',
    email: 'kepala.balai.kalimantan1@pkp.example',
    locale: 'en',
  },

  // Kalimantan Tengah
  {
    // Named as governor by the Jakarta report (29 April 2025), which the demo follows.
    key: 'gubernur-sugianto-sabran',
    name: 'H. Sugianto Sabran',
    position: 'Gubernur Kalimantan Tengah',
    agencyKey: 'pemprov-kalteng',
    email: 'sugianto.sabran@kalteng.example',
    regionCode: '62',
    locale: 'id',
    leadership: true,
  },
  {
    key: 'leonard-s-ampung',
    name: 'Leonard S. Ampung',
    position:
      'Plt. Sekretaris Daerah Provinsi Kalimantan Tengah, merangkap Kepala Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah (Bapperida) Provinsi Kalimantan Tengah',
    agencyKey: 'setda-kalteng',
    email: 'leonard.ampung@kalteng.example',
    regionCode: '62',
    supervisorKey: 'gubernur-sugianto-sabran',
    locale: 'id',
    leadership: true,
  },
  {
    key: 'sekretaris-bapperida-kalteng',
    name: 'Sekretaris Bapperida Prov. Kalteng',
    position: 'Sekretaris Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah Provinsi Kalimantan Tengah',
    agencyKey: 'bapperida-kalteng',
    email: 'sekretaris.bapperida@kalteng.example',
    regionCode: '62',
    supervisorKey: 'leonard-s-ampung',
    locale: 'id',
  },
  {
    key: 'kepala-disperkimtan-kalteng',
    name: 'Kepala Disperkimtan Prov. Kalteng',
    position: 'Kepala Dinas Perumahan, Kawasan Permukiman dan Pertanahan Provinsi Kalimantan Tengah',
    agencyKey: 'disperkimtan-kalteng',
    email: 'kepala.disperkimtan@kalteng.example',
    regionCode: '62',
    supervisorKey: 'leonard-s-ampung',
    locale: 'id',
  },
  {
    key: 'kabid-kawasan-permukiman-kalteng',
    name: 'Kabid Kawasan Permukiman Disperkimtan Prov. Kalteng',
    position: 'Kepala Bidang Kawasan Permukiman, Disperkimtan Provinsi Kalimantan Tengah',
    agencyKey: 'disperkimtan-kalteng',
    email: 'kabid.kawasanpermukiman@kalteng.example',
    regionCode: '62',
    supervisorKey: 'kepala-disperkimtan-kalteng',
    locale: 'id',
  },
  {
    key: 'kepala-disperkim-palangka-raya',
    name: 'Kepala Dinas Perkim Kota Palangka Raya',
    position: 'Kepala Dinas Perumahan dan Kawasan Permukiman Kota Palangka Raya',
    agencyKey: 'disperkim-palangka-raya',
    email: 'kepala.disperkim@palangkarayakota.example',
    regionCode: '62.71',
    locale: 'id',
  },
  {
    key: 'kepala-disperkim-kotawaringin-timur',
    name: 'Kepala Dinas Perkim Kab. Kotawaringin Timur',
    position: 'Kepala Dinas Perumahan dan Kawasan Permukiman Kabupaten Kotawaringin Timur',
    agencyKey: 'disperkim-kotawaringin-timur',
    email: 'kepala.disperkim@kotimkab.example',
    regionCode: '62.02',
    locale: 'id',
  },
  {
    key: 'kepala-disperkim-kapuas',
    name: 'Kepala Dinas Perkim Kab. Kapuas',
    position: 'Kepala Dinas Perumahan dan Kawasan Permukiman Kabupaten Kapuas',
    agencyKey: 'disperkim-kapuas',
    email: 'kepala.disperkim@kapuaskab.example',
    regionCode: '62.03',
    locale: 'id',
  },

  // Kalimantan Barat
  {
    key: 'sekda-kalbar',
    name: 'Sekda Prov. Kalbar',
    position: 'Sekretaris Daerah Provinsi Kalimantan Barat',
    agencyKey: 'setda-kalbar',
    email: 'sekda@kalbar.example',
    regionCode: '61',
    locale: 'id',
    leadership: true,
  },
  {
    key: 'yosafat-triadhi-andjioe',
    name: 'Yosafat Triadhi Andjioe, S.T., M.M., M.T.',
    position: 'Kepala Dinas Perumahan Rakyat dan Kawasan Permukiman Provinsi Kalimantan Barat',
    agencyKey: 'disperkim-kalbar',
    email: 'yosafat.andjioe@kalbar.example',
    regionCode: '61',
    supervisorKey: 'sekda-kalbar',
    locale: 'id',
  },
  ...kalbarRegencyOfficials,

  // Kalimantan Selatan
  {
    key: 'sekda-kalsel-m-syarifuddin',
    name: 'M. Syarifuddin',
    position: 'Sekretaris Daerah Provinsi Kalimantan Selatan',
    agencyKey: 'setda-kalsel',
    email: 'm.syarifuddin@kalsel.example',
    regionCode: '63',
    locale: 'id',
    leadership: true,
  },
  {
    key: 'adi-santoso',
    name: 'Adi Santoso',
    position: 'Staf Ahli Bidang Pemerintahan, Hukum dan Politik Provinsi Kalimantan Selatan',
    agencyKey: 'setda-kalsel',
    email: 'adi.santoso@kalsel.example',
    regionCode: '63',
    supervisorKey: 'sekda-kalsel-m-syarifuddin',
    locale: 'id',
  },
  {
    key: 'rahmiyanti-janoezir',
    name: 'Rahmiyanti Janoezir',
    position: 'Kepala Dinas Perumahan Rakyat dan Kawasan Permukiman Provinsi Kalimantan Selatan',
    agencyKey: 'disperkim-kalsel',
    email: 'rahmiyanti.janoezir@kalsel.example',
    regionCode: '63',
    supervisorKey: 'sekda-kalsel-m-syarifuddin',
    locale: 'id',
  },
  {
    key: 'kepala-disperkim-banjarmasin',
    name: 'Kepala Dinas Perkim Kota Banjarmasin',
    position: 'Kepala Dinas Perumahan dan Kawasan Permukiman Kota Banjarmasin',
    agencyKey: 'disperkim-banjarmasin',
    email: 'kepala.disperkim@banjarmasinkota.example',
    regionCode: '63.71',
    locale: 'id',
  },
  {
    key: 'kepala-disperkim-banjar',
    name: 'Kepala Dinas Perkim Kab. Banjar',
    position: 'Kepala Dinas Perumahan dan Kawasan Permukiman Kabupaten Banjar',
    agencyKey: 'disperkim-banjar',
    email: 'kepala.disperkim@banjarkab.example',
    regionCode: '63.03',
    locale: 'id',
  },
  {
    key: 'kepala-disperkim-tanah-laut',
    name: 'Kepala Dinas Perkim Kab. Tanah Laut',
    position: 'Kepala Dinas Perumahan dan Kawasan Permukiman Kabupaten Tanah Laut',
    agencyKey: 'disperkim-tanah-laut',
    email: 'kepala.disperkim@tanahlautkab.example',
    regionCode: '63.01',
    locale: 'id',
  },
];

// ---------------------------------------------------------------------------------------------
// Meetings, attendees and commitments
// ---------------------------------------------------------------------------------------------

// Slum area handled in Kalimantan Selatan: 345.029 ha, reported as 43.62% of the slum area under the
// province's authority, so the whole is 345.029 / 0.4362 = 790.988 ha (rounded to 3 decimals).
export const KALSEL_SLUM_HANDLED_HA = 345.029;
export const KALSEL_SLUM_TOTAL_HA = Math.round((KALSEL_SLUM_HANDLED_HA / 0.4362) * 1000) / 1000; // 790.988
// Uninhabitable houses (RTLH) in Kalimantan Selatan: 2,804 handled of 237,973 recorded.
export const KALSEL_RTLH_HANDLED = 2804;
export const KALSEL_RTLH_RECORDED = 237973;

const rakornisJakarta: SeedMeeting = {
  key: 'rakornis-perumahan-perdesaan-jakarta-2025',
  kind: 'rakornis',
  title: 'Rapat Koordinasi Teknis (Rakornis) Perumahan Perdesaan',
  startsAt: '2025-04-29T09:00:00+07:00',
  venue: 'Gedung Sasana Bhakti Praja, Kementerian Dalam Negeri, Jakarta Pusat',
  mode: 'offline',
  organizerAgencyKey: 'kemendagri',
  // National meeting: no region code.
  programKeys: ['program-tiga-juta-rumah', 'program-perumahan-perdesaan'],
  summary:
    'Rakornis membahas percepatan Program Tiga Juta Rumah, terutama penyediaan hunian layak dan terjangkau di perdesaan melalui sinergi pusat dan daerah. ' +
    'Kemendagri meminta pemerintah daerah berperan aktif menyusun regulasi, menyiapkan lahan, dan mengidentifikasi kebutuhan riil perumahan di wilayahnya. ' +
    'Pemprov Kalimantan Tengah, yang diwakili Plt. Sekda, menyatakan dukungan penuh dan akan memperkuat koordinasi dengan kabupaten/kota. ' +
    'Strategi percepatan yang dibahas meliputi penyederhanaan regulasi, skema pembiayaan, dan kolaborasi lintas sektor.',
  source: '2025-04-29-rakornis-perumahan-perdesaan-jakarta.txt',
  attendees: [
    { officialKey: 'perwakilan-kemendagri', role: 'speaker', attendance: 'in_person' },
    {
      officialKey: 'leonard-s-ampung',
      role: 'participant',
      attendance: 'in_person',
      representingOfficialKey: 'gubernur-sugianto-sabran',
    },
  ],
  commitments: [
    {
      key: 'jkt-regulasi-daerah-3jr-kalteng',
      title: 'Menyusun rancangan regulasi daerah pendukung Program Tiga Juta Rumah di Kalimantan Tengah',
      description:
        'Menindaklanjuti arahan Kemendagri agar daerah menyiapkan regulasi yang mempermudah pembangunan rumah perdesaan.',
      ownerOfficialKey: 'kepala-disperkimtan-kalteng',
      regionCode: '62',
      programKey: 'program-tiga-juta-rumah',
      dueInDays: 25,
      indicator: { unit: 'dokumen', target: 1 },
      progress: [{ status: 'in_progress', note: 'Draf awal rancangan regulasi sedang disusun bersama perangkat daerah terkait.' }],
    },
    {
      key: 'jkt-penyiapan-lahan-kalteng',
      title: 'Menginventarisasi dan menyiapkan lahan untuk pembangunan rumah perdesaan',
      description: 'Daftar lokasi lahan yang siap dibangun beserta status kepemilikannya, per kabupaten/kota.',
      ownerOfficialKey: 'kepala-disperkimtan-kalteng',
      regionCode: '62',
      programKey: 'program-perumahan-perdesaan',
      dueInDays: -12,
    },
    {
      key: 'jkt-kebutuhan-riil-kapuas',
      title: 'Mengidentifikasi kebutuhan riil perumahan perdesaan Kabupaten Kapuas',
      description: 'Data kebutuhan rumah layak huni per desa sebagai dasar usulan Program Tiga Juta Rumah.',
      ownerOfficialKey: 'kepala-disperkim-kapuas',
      regionCode: '62.03',
      programKey: 'program-perumahan-perdesaan',
      dueInDays: 3,
    },
    {
      key: 'jkt-koordinasi-kabkota-kalteng',
      title: 'Memperkuat koordinasi pelaksanaan Program Tiga Juta Rumah dengan kabupaten/kota se-Kalteng',
      ownerOfficialKey: 'leonard-s-ampung',
      regionCode: '62',
      programKey: 'program-tiga-juta-rumah',
      dueInDays: 45,
      progress: [
        { status: 'in_progress', note: 'Jadwal rapat koordinasi dengan kabupaten/kota disusun.' },
        {
          status: 'done',
          note: 'Dilaksanakan melalui Rakor dan Sinkronisasi Bidang Kawasan Permukiman se-Kalteng, 18 November 2025.',
        },
      ],
    },
  ],
};

const rakorPontianak: SeedMeeting = {
  key: 'rakor-tiga-juta-rumah-pontianak-2025',
  kind: 'rakor',
  title: 'Rapat Koordinasi Percepatan Capaian Program Tiga Juta Rumah di Kalimantan Barat',
  startsAt: '2025-06-12T09:00:00+07:00',
  venue: 'Ruang Tengkawang, Kantor Gubernur Kalimantan Barat, Pontianak',
  mode: 'hybrid',
  organizerAgencyKey: 'ditjen-perumahan-perdesaan',
  regionCode: '61',
  programKeys: ['program-tiga-juta-rumah', 'program-perumahan-perdesaan'],
  summary:
    'Ditjen Perumahan Perdesaan bersama Balai Pelaksana Penyediaan Perumahan dan Kawasan Permukiman Kalimantan I mengumpulkan Pemprov Kalbar dan delapan kabupaten untuk mempercepat capaian Program Tiga Juta Rumah. ' +
    'Dirjen memberi arahan secara daring: program harus berkelanjutan, koordinasi dengan Dinas Perkim diperkuat, CSR dan lembaga daerah dilibatkan, dan data pusat–daerah disinkronkan. ' +
    'Dalam diskusi, daerah menyampaikan kendala regulasi dan kebutuhan pemutakhiran data; pusat dan daerah sepakat mempererat koordinasi lintas sektor.',
  source: '2025-06-12-rakor-tiga-juta-rumah-pontianak.txt',
  attendees: [
    { officialKey: 'dirjen-imran', role: 'opener', attendance: 'online' },
    { officialKey: 'kepala-balai-kalimantan-1', role: 'chair', attendance: 'in_person' },
    { officialKey: 'yosafat-triadhi-andjioe', role: 'speaker', attendance: 'in_person' },
    { officialKey: 'direktur-an-an-andri-hikmat', role: 'speaker', attendance: 'in_person' },
    { officialKey: 'direktur-agus-wahidi', role: 'speaker', attendance: 'in_person' },
    ...kalbarRegencyOfficials.map((o) => ({
      officialKey: o.key,
      role: 'participant' as const,
      attendance: 'in_person' as const,
    })),
  ],
  commitments: [
    {
      key: 'ptk-sinkronisasi-data-kalbar',
      title: 'Sinkronisasi data kebutuhan rumah perdesaan Kalimantan Barat dengan data Ditjen Perumahan Perdesaan',
      ownerOfficialKey: 'yosafat-triadhi-andjioe',
      regionCode: '61',
      programKey: 'program-tiga-juta-rumah',
      dueInDays: -5,
      progress: [{ status: 'in_progress', note: 'Rekap data dari lima kabupaten sudah diterima; tiga kabupaten menyusul.' }],
    },
    {
      key: 'ptk-format-data-balai',
      title: 'Menyampaikan format dan jadwal sinkronisasi data pusat–daerah kepada kabupaten se-Kalbar',
      ownerOfficialKey: 'kepala-balai-kalimantan-1',
      regionCode: '61',
      programKey: 'program-perumahan-perdesaan',
      dueInDays: -20,
      progress: [
        { status: 'in_progress', note: 'Format isian data disusun bersama Dinas Perkim Kalbar.' },
        { status: 'done', note: 'Format dan jadwal dikirim ke delapan kabupaten.' },
      ],
    },
    {
      key: 'ptk-pelibatan-csr-kalbar',
      title: 'Memetakan mitra CSR dan lembaga daerah untuk mendukung penyediaan hunian layak',
      ownerOfficialKey: 'yosafat-triadhi-andjioe',
      regionCode: '61',
      programKey: 'program-tiga-juta-rumah',
      dueInDays: 30,
    },
    {
      key: 'ptk-data-bengkayang',
      title: 'Pemutakhiran data kebutuhan rumah perdesaan Kabupaten Bengkayang',
      ownerOfficialKey: 'kepala-disperakim-bengkayang',
      regionCode: '61.07',
      programKey: 'program-perumahan-perdesaan',
      dueInDays: -30,
      progress: [
        { status: 'in_progress', note: 'Verifikasi lapangan berjalan.' },
        { status: 'done', note: 'Data mutakhir diserahkan ke Dinas Perkim Provinsi.' },
      ],
    },
    {
      key: 'ptk-data-desa-landak',
      title: 'Menghimpun data calon penerima bantuan rumah dari desa-desa di Kabupaten Landak',
      ownerOfficialKey: 'kepala-dpmd-landak',
      regionCode: '61.08',
      programKey: 'program-perumahan-perdesaan',
      dueInDays: 2,
      dueLocalTime: '12:00',
    },
    {
      key: 'ptk-data-sanggau',
      title: 'Pemutakhiran data kebutuhan rumah perdesaan Kabupaten Sanggau',
      ownerOfficialKey: 'kepala-disperakim-sanggau',
      regionCode: '61.03',
      programKey: 'program-perumahan-perdesaan',
      dueInDays: -3,
    },
    {
      key: 'ptk-kendala-regulasi-sanggau',
      title: 'Menginventarisasi kendala regulasi pendapatan daerah terkait rumah MBR di Kabupaten Sanggau',
      description: 'Bahan pembahasan kendala regulasi yang diangkat pada diskusi terbuka.',
      ownerOfficialKey: 'kepala-bapenda-sanggau',
      regionCode: '61.03',
      programKey: 'program-tiga-juta-rumah',
      dueInDays: 14,
    },
    {
      key: 'ptk-kendala-perizinan-ketapang',
      title: 'Menginventarisasi kendala regulasi perizinan bangunan rumah MBR di Kabupaten Ketapang',
      ownerOfficialKey: 'kepala-dpmptsp-ketapang',
      regionCode: '61.04',
      programKey: 'program-tiga-juta-rumah',
      dueInDays: 21,
    },
    {
      key: 'ptk-data-sintang',
      title: 'Pemutakhiran data kebutuhan rumah perdesaan Kabupaten Sintang',
      ownerOfficialKey: 'kepala-disperakim-sintang',
      regionCode: '61.05',
      programKey: 'program-perumahan-perdesaan',
      dueInDays: -8,
      progress: [{ status: 'in_progress', note: 'Pendataan di 4 kecamatan selesai, sisanya dijadwalkan.' }],
    },
    {
      key: 'ptk-data-kapuas-hulu',
      title: 'Pemutakhiran data kebutuhan rumah perdesaan Kabupaten Kapuas Hulu',
      ownerOfficialKey: 'kepala-disperakim-kapuas-hulu',
      regionCode: '61.06',
      programKey: 'program-perumahan-perdesaan',
      dueInDays: -1,
      progress: [
        { status: 'in_progress', note: 'Pendataan dimulai di kecamatan yang mudah dijangkau.' },
        {
          status: 'blocked',
          note: 'Terhambat: anggaran survei lapangan ke desa-desa di hulu sungai belum tersedia.',
        },
      ],
    },
    {
      key: 'ptk-data-desa-sekadau',
      title: 'Menghimpun data calon penerima bantuan rumah dari desa-desa di Kabupaten Sekadau',
      ownerOfficialKey: 'kepala-dpmd-sekadau',
      regionCode: '61.09',
      programKey: 'program-perumahan-perdesaan',
      dueInDays: 10,
    },
    {
      key: 'ptk-forum-csr-melawi',
      title: 'Menyelenggarakan forum CSR perumahan tingkat Kabupaten Melawi',
      ownerOfficialKey: 'kepala-disperakim-melawi',
      regionCode: '61.10',
      programKey: 'program-tiga-juta-rumah',
      dueInDays: 40,
      progress: [
        { status: 'cancelled', note: 'Dibatalkan: digabung ke pemetaan mitra CSR tingkat provinsi oleh Dinas Perkim Kalbar.' },
      ],
    },
  ],
};

const rakorJatinangor: SeedMeeting = {
  key: 'rakor-sinkronisasi-kl-pemda-jatinangor-2025',
  kind: 'rakor',
  title: 'Rapat Koordinasi Sinkronisasi Program dan Kegiatan Kementerian/LPNK dengan Pemerintah Daerah Tahun 2025',
  startsAt: '2025-10-27T09:00:00+07:00',
  venue: 'Kampus Institut Pemerintahan Dalam Negeri (IPDN) Jatinangor, Kabupaten Sumedang, Jawa Barat',
  mode: 'offline',
  organizerAgencyKey: 'kemendagri',
  // National meeting (Retreat Nasional Sekda se-Indonesia): no region code.
  programKeys: ['program-sinkronisasi-rpjmn'],
  summary:
    'Rakor ini bagian dari Retreat Nasional Sekda se-Indonesia (26–29 Oktober 2025), dibuka oleh Mendagri dan melibatkan 22 kementerian/lembaga serta 1.104 peserta: Sekda provinsi, Sekda kabupaten/kota, dan Kepala Bappeda. ' +
    'Pembahasan berfokus pada penyelarasan program pembangunan daerah dengan RPJMN 2025–2029 sesuai Perpres Nomor 12 Tahun 2025, dari perencanaan hingga pelaksanaan dan evaluasi. ' +
    'Kalimantan Tengah menyatakan komitmen memperkuat koordinasi dengan pusat pada pelayanan dasar, infrastruktur, dan pembangunan berkelanjutan.',
  source: '2025-10-27-rakor-sinkronisasi-kl-pemda-jatinangor.txt',
  attendees: [
    { officialKey: 'mendagri-tito-karnavian', role: 'opener', attendance: 'in_person' },
    { officialKey: 'leonard-s-ampung', role: 'participant', attendance: 'in_person' },
    { officialKey: 'sekda-kalbar', role: 'participant', attendance: 'in_person' },
    { officialKey: 'sekda-kalsel-m-syarifuddin', role: 'participant', attendance: 'in_person' },
  ],
  commitments: [
    {
      key: 'jtn-selaraskan-rkpd-kalteng',
      title: 'Menyelaraskan program prioritas Kalimantan Tengah dengan RPJMN 2025–2029 dalam rancangan RKPD 2027',
      ownerOfficialKey: 'sekretaris-bapperida-kalteng',
      regionCode: '62',
      programKey: 'program-sinkronisasi-rpjmn',
      dueInDays: 60,
    },
    {
      key: 'jtn-selaraskan-rkpd-kalsel',
      title: 'Menyelaraskan program prioritas Kalimantan Selatan dengan RPJMN 2025–2029 dalam rancangan RKPD 2027',
      ownerOfficialKey: 'sekda-kalsel-m-syarifuddin',
      regionCode: '63',
      programKey: 'program-sinkronisasi-rpjmn',
      dueInDays: 55,
    },
  ],
};

const rakorPalangkaRaya: SeedMeeting = {
  key: 'rakor-kawasan-permukiman-palangka-raya-2025',
  kind: 'rakor',
  title: 'Rapat Koordinasi dan Sinkronisasi Bidang Kawasan Permukiman se-Kalimantan Tengah Tahun 2025',
  startsAt: '2025-11-18T09:00:00+07:00',
  venue: 'Aula Disperkimtan Provinsi Kalimantan Tengah, Palangka Raya',
  mode: 'offline',
  organizerAgencyKey: 'disperkimtan-kalteng',
  regionCode: '62',
  programKeys: ['program-kawasan-kumuh', 'program-psu'],
  summary:
    'Rakor tahunan Disperkimtan Kalteng menyamakan persepsi provinsi dan kabupaten/kota tentang penyelenggaraan kawasan permukiman, termasuk kawasan kumuh 10 hingga di bawah 15 hektare dan PSU yang menjadi kewenangan provinsi. ' +
    'Permasalahan RPJMD 2025–2029 yang dibahas antara lain rendahnya pembangunan PSU, masih adanya kawasan kumuh, serta anggaran yang jauh di bawah kebutuhan wilayah yang luas. ' +
    'Disepakati perencanaan terpadu lintas sektor (air minum, sanitasi, perumahan), pelibatan masyarakat, dan pembahasan teknis atas usulan kegiatan perumahan dan permukiman.',
  source: '2025-11-18-rakor-kawasan-permukiman-palangka-raya.txt',
  attendees: [
    { officialKey: 'leonard-s-ampung', role: 'opener', attendance: 'in_person' },
    { officialKey: 'kepala-disperkimtan-kalteng', role: 'chair', attendance: 'in_person' },
    { officialKey: 'kabid-kawasan-permukiman-kalteng', role: 'speaker', attendance: 'in_person' },
    { officialKey: 'sekretaris-bapperida-kalteng', role: 'participant', attendance: 'in_person' },
    { officialKey: 'kepala-disperkim-palangka-raya', role: 'participant', attendance: 'in_person' },
    { officialKey: 'kepala-disperkim-kotawaringin-timur', role: 'participant', attendance: 'in_person' },
    { officialKey: 'kepala-disperkim-kapuas', role: 'participant', attendance: 'in_person' },
  ],
  commitments: [
    {
      key: 'plk-perencanaan-terpadu-kumuh',
      title: 'Menyusun rencana terpadu lintas sektor (air minum, sanitasi, perumahan) untuk penanganan kawasan kumuh',
      ownerOfficialKey: 'kepala-disperkimtan-kalteng',
      regionCode: '62',
      programKey: 'program-kawasan-kumuh',
      dueInDays: -15,
      progress: [{ status: 'in_progress', note: 'Rapat teknis dengan bidang air minum dan sanitasi telah dilaksanakan.' }],
    },
    {
      key: 'plk-verifikasi-kumuh-provinsi',
      title: 'Memverifikasi data kawasan kumuh 10 hingga di bawah 15 ha yang menjadi kewenangan provinsi',
      ownerOfficialKey: 'kabid-kawasan-permukiman-kalteng',
      regionCode: '62',
      programKey: 'program-kawasan-kumuh',
      dueInDays: 6,
    },
    {
      key: 'plk-kajian-teknis-usulan',
      title: 'Pembahasan teknis usulan kegiatan perumahan dan permukiman dari kabupaten/kota',
      ownerOfficialKey: 'kabid-kawasan-permukiman-kalteng',
      regionCode: '62',
      programKey: 'program-psu',
      dueInDays: 1,
      dueLocalTime: '16:00',
    },
    {
      key: 'plk-partisipasi-masyarakat-palangka-raya',
      title: 'Melibatkan masyarakat dalam perencanaan penanganan kawasan kumuh Kota Palangka Raya',
      ownerOfficialKey: 'kepala-disperkim-palangka-raya',
      regionCode: '62.71',
      programKey: 'program-kawasan-kumuh',
      dueInDays: -40,
    },
    {
      key: 'plk-usulan-psu-kotawaringin-timur',
      title: 'Menyampaikan usulan PSU permukiman beserta kesiapan serah terima aset, Kabupaten Kotawaringin Timur',
      ownerOfficialKey: 'kepala-disperkim-kotawaringin-timur',
      regionCode: '62.02',
      programKey: 'program-psu',
      dueInDays: 20,
    },
    {
      key: 'plk-usulan-pendanaan-psu',
      title: 'Menyusun usulan pendanaan PSU dan kawasan kumuh untuk menutup selisih anggaran dan kebutuhan',
      ownerOfficialKey: 'sekretaris-bapperida-kalteng',
      regionCode: '62',
      programKey: 'program-psu',
      dueInDays: 75,
    },
  ],
};

const rakortekBanjarmasin: SeedMeeting = {
  key: 'rakortek-pkp-kalsel-banjarmasin-2026',
  kind: 'rakortek',
  title: 'Rapat Koordinasi Teknis (Rakortek) Perumahan dan Kawasan Permukiman Tahun 2026',
  startsAt: '2026-02-12T09:00:00+08:00',
  venue: 'Banjarmasin, Kalimantan Selatan',
  mode: 'offline',
  organizerAgencyKey: 'disperkim-kalsel',
  regionCode: '63',
  programKeys: ['program-rtlh', 'program-kawasan-kumuh', 'program-psu', 'program-tiga-juta-rumah'],
  summary:
    'Rakortek Disperkim Kalsel menyinkronkan data dan perencanaan program perumahan dan kawasan permukiman antara kabupaten/kota, provinsi, dan pusat sesuai Permendagri Nomor 86 Tahun 2017. ' +
    'Dipaparkan capaian penanganan RTLH sebanyak 2.804 dari 237.973 unit terdata dan penanganan kawasan kumuh seluas 345,029 ha atau 43,62% dari luas kumuh kewenangan provinsi. ' +
    'Persoalan yang dihimpun menjadi bahan perencanaan 2027 menuju Musrenbang April–Mei 2026, dengan tantangan backlog rumah MBR, RTLH, PSU, kawasan kumuh, dan pembiayaan perumahan.',
  source: '2026-02-12-rakortek-pkp-kalsel-banjarmasin.txt',
  attendees: [
    {
      officialKey: 'adi-santoso',
      role: 'opener',
      attendance: 'in_person',
      representingOfficialKey: 'sekda-kalsel-m-syarifuddin',
    },
    { officialKey: 'rahmiyanti-janoezir', role: 'chair', attendance: 'in_person' },
    { officialKey: 'kepala-disperkim-banjarmasin', role: 'participant', attendance: 'in_person' },
    { officialKey: 'kepala-disperkim-banjar', role: 'participant', attendance: 'in_person' },
    { officialKey: 'kepala-disperkim-tanah-laut', role: 'participant', attendance: 'in_person' },
  ],
  commitments: [
    {
      key: 'bjm-penanganan-rtlh-kalsel',
      title: 'Penanganan rumah tidak layak huni (RTLH) di Kalimantan Selatan',
      description: 'Indikator: jumlah RTLH yang tertangani dari seluruh RTLH yang terdata.',
      ownerOfficialKey: 'rahmiyanti-janoezir',
      regionCode: '63',
      programKey: 'program-rtlh',
      dueInDays: 90,
      indicator: { unit: 'unit', target: KALSEL_RTLH_RECORDED },
      progress: [
        {
          status: 'in_progress',
          achieved: KALSEL_RTLH_HANDLED,
          note: 'Capaian tahun sebelumnya: 2.804 unit tertangani dari 237.973 unit terdata, dengan berbagai sumber pendanaan.',
        },
      ],
    },
    {
      key: 'bjm-penanganan-kumuh-kalsel',
      title: 'Penanganan kawasan kumuh kewenangan Provinsi Kalimantan Selatan',
      description: 'Indikator: luas kawasan kumuh yang tertangani (hektare).',
      ownerOfficialKey: 'rahmiyanti-janoezir',
      regionCode: '63',
      programKey: 'program-kawasan-kumuh',
      dueInDays: 85,
      indicator: { unit: 'ha', target: KALSEL_SLUM_TOTAL_HA },
      // A report without status: only the achieved value changes; the commitment stays open.
      progress: [{ achieved: KALSEL_SLUM_HANDLED_HA, note: 'Capaian: 345,029 ha atau 43,62% dari total luas kawasan kumuh kewenangan provinsi.' }],
    },
    {
      key: 'bjm-usulan-2027-banjarmasin',
      title: 'Menyampaikan usulan program dan kegiatan PKP 2027 Kota Banjarmasin sebagai bahan Musrenbang',
      ownerOfficialKey: 'kepala-disperkim-banjarmasin',
      regionCode: '63.71',
      programKey: 'program-psu',
      dueInDays: 0,
    },
    {
      key: 'bjm-data-rtlh-banjar',
      title: 'Menyinkronkan data RTLH Kabupaten Banjar dengan data provinsi',
      ownerOfficialKey: 'kepala-disperkim-banjar',
      regionCode: '63.03',
      programKey: 'program-rtlh',
      dueInDays: -2,
    },
    {
      key: 'bjm-backlog-mbr-tanah-laut',
      title: 'Menyusun data backlog rumah MBR Kabupaten Tanah Laut untuk perencanaan 2027',
      ownerOfficialKey: 'kepala-disperkim-tanah-laut',
      regionCode: '63.01',
      programKey: 'program-tiga-juta-rumah',
      dueInDays: 12,
    },
    {
      key: 'bjm-rekomendasi-musrenbang-2027',
      title: 'Merumuskan hasil Rakortek sebagai masukan bidang PKP untuk Musrenbang Provinsi (April–Mei 2026)',
      ownerOfficialKey: 'rahmiyanti-janoezir',
      regionCode: '63',
      dueInDays: 35,
      dueLocalTime: '09:00',
    },
  ],
};

export const seedData: SeedData = {
  programs,
  agencies,
  officials,
  meetings: [rakornisJakarta, rakorPontianak, rakorJatinangor, rakorPalangkaRaya, rakortekBanjarmasin],
};
