// CoFund's Tasklist: its name and vendor in the header and title ("CoFund Tasklist").
export default {
  // Dates and times in London time, whatever the browser's zone.
  customScripts: ['scripts/london-time'],
  app: {
    name: 'Tasklist',
    vendor: 'CoFund'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'moves the focus to the first filter'},
    focusList: {key: 'ctrl+alt+l', description: 'moves the focus to the first task'},
    focusForm: {key: 'ctrl+alt+f', description: 'moves the focus to the task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the dialog that starts a process'}
  }
};
