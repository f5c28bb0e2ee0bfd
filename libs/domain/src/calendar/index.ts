export * from './official-calendars';
export * from './working-days';
