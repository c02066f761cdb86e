import type { WelcomeKey } from './welcome-zh-CN';

export const welcomeEn: Record<WelcomeKey, string> = {
  'welcome.title': 'Welcome to DocTrail',
  'welcome.lead': 'DocTrail works on top of your office’s web OA portal: it recognises the document pages you open, prompts you to register them, to handle classified ones by the rules and to get circulated ones back, and keeps the register on this computer.',
  'welcome.does': 'What DocTrail does',
  'welcome.does.1': 'On the portals you enable it recognises registration forms, document pages, circulation slips and to-do lists, prefills the document number, title, classification and more, and registers with one action and an automatic number.',
  'welcome.does.2': 'On Confidential, Secret and Top Secret pages, printing (Ctrl+P and the page’s print buttons), copying selected text and downloading attachments ask for a reason first and are logged.',
  'welcome.does.3': 'When you use the portal’s own circulate, send-to-read or transfer actions it records to whom and by when it must come back, and reminds you when it is due or overdue.',
  'welcome.doesNot': 'What DocTrail does not do',
  'welcome.doesNot.1': 'It does not run on, or read, any site you have not enabled.',
  'welcome.doesNot.2': 'It cannot stop printing from the browser menu (that is logged afterwards), screenshots or photos, and it does not change the portal’s own workflow.',
  'welcome.doesNot.3': 'It sends nothing anywhere: the register and the handling log stay in this browser.',
  'welcome.step.portal': 'Step 1: enable your portal',
  'welcome.step.portalHelp': 'Type the portal’s address and press “Enable”: the browser asks whether DocTrail may access that site. You can also open a portal page, click the DocTrail toolbar icon and choose “Enable DocTrail on this site”.',
  'welcome.step.clerk': 'Step 2: your name and department',
  'welcome.step.clerkHelp': 'Registrations, circulations and returns are recorded with the clerk who handled them.',
  'welcome.saved': 'Saved: {name}, {department}',
  'welcome.step.calendar': 'Step 3: the holiday calendar',
  'welcome.step.calendarHelp': 'Deadlines count working days (public holidays and make-up working days included). The calendar covers up to {year}; for later years import a newer calendar in Settings, otherwise Monday to Friday are counted.',
  'welcome.shortcut': 'Alt+Shift+D moves the focus to the DocTrail panel on the page (change it in the browser’s extension shortcuts).',
  'welcome.openRegister': 'Open the register',
  'welcome.openSettings': 'All settings',
};
