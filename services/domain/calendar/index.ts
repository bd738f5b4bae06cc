/** Working days and deadlines for England and Wales: pure functions over data. */
export * from './isoDate';
export * from './bankHolidays';
export * from './workingDays';
export * from './deadlineClock';
