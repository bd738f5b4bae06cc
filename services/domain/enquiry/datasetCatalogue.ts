/**
 * The NHS England datasets an enquiry can name. Data, not code: the list grows with the DARS
 * catalogue. `containsGpData` drives the PAG rule (every case with GP data goes to PAG).
 * Aliases are what applicants actually type.
 */
export interface CatalogueDataset {
  readonly code: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly containsGpData: boolean;
}

export const datasetCatalogue: readonly CatalogueDataset[] = [
  { code: 'HES-APC', name: 'Hospital Episode Statistics Admitted Patient Care', aliases: ['hes apc', 'hes admitted patient care', 'admitted patient care'], containsGpData: false },
  { code: 'HES-OP', name: 'Hospital Episode Statistics Outpatients', aliases: ['hes op', 'hes outpatients', 'outpatients'], containsGpData: false },
  { code: 'HES-AE', name: 'Hospital Episode Statistics Accident and Emergency', aliases: ['hes ae', 'hes a&e', 'hes a and e'], containsGpData: false },
  { code: 'ECDS', name: 'Emergency Care Data Set', aliases: ['ecds', 'emergency care'], containsGpData: false },
  { code: 'CIVREG-DEATHS', name: 'Civil Registration (Deaths)', aliases: ['civil registration deaths', 'deaths', 'ons deaths', 'civreg deaths'], containsGpData: false },
  { code: 'CANCER-REG', name: 'Cancer Registrations', aliases: ['cancer registrations', 'cancer registry', 'cancer'], containsGpData: false },
  { code: 'MHSDS', name: 'Mental Health Services Data Set', aliases: ['mhsds', 'mental health services'], containsGpData: false },
  { code: 'DIDS', name: 'Diagnostic Imaging Dataset', aliases: ['dids', 'diagnostic imaging'], containsGpData: false },
  { code: 'CSDS', name: 'Community Services Data Set', aliases: ['csds', 'community services'], containsGpData: false },
  { code: 'MSDS', name: 'Maternity Services Data Set', aliases: ['msds', 'maternity'], containsGpData: false },
  { code: 'GDPPR', name: 'General Practice Extraction Service Data for Pandemic Planning and Research', aliases: ['gdppr', 'gpes', 'gp data', 'general practice data'], containsGpData: true },
  { code: 'PCMD', name: 'Primary Care Medicines Dispensed', aliases: ['pcmd', 'primary care medicines'], containsGpData: false },
  { code: 'NDRS-SACT', name: 'Systemic Anti-Cancer Therapy Dataset', aliases: ['sact', 'anti-cancer therapy'], containsGpData: false },
];
