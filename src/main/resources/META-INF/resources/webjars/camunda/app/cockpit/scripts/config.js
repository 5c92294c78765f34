// CoFund's Cockpit: its name and vendor in the header and title ("CoFund Cockpit").
export default {
  app: {
    name: 'Cockpit',
    vendor: 'CoFund'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  }
};
