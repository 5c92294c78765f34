// CoFund's Admin: its name and vendor in the header and title ("CoFund Admin").
export default {
  app: {
    name: 'Admin',
    vendor: 'CoFund'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  }
};
