/** The first-run page (opened when DocTrail is installed). */
export const welcomeZhCN = {
  'welcome.title': '欢迎使用文迹',
  'welcome.lead': '文迹在单位的网上办公（OA）门户之上工作：认出您打开的公文页面，提示登记、保密和归还期限，把收文、传阅和收回记入本机的台账。',
  'welcome.does': '文迹会做的',
  'welcome.does.1': '在您启用的门户上认出收文登记、公文处理、传阅单和待办列表页面，预填文号、标题、密级等要素，一键登记并编号。',
  'welcome.does.2': '在秘密、机密、绝密公文页面上，打印（Ctrl+P 和页面的打印按钮）、复制选中文字和下载附件前先询问理由，并记入处理记录。',
  'welcome.does.3': '您用门户的“传阅、送阅、转办”时，记下送给谁、何时应归还；逾期和即将到期时提醒。',
  'welcome.doesNot': '文迹不会做的',
  'welcome.doesNot.1': '不在未启用的网站上运行，也不读取那些页面。',
  'welcome.doesNot.2': '不拦截浏览器菜单中的打印（事后记录）、截屏和拍照；不改变门户本身的办理流程。',
  'welcome.doesNot.3': '不向任何地方发送数据：台账和处理记录只保存在本机浏览器中。',
  'welcome.step.portal': '第一步：启用您的门户',
  'welcome.step.portalHelp': '输入门户地址并点“启用”，浏览器会弹出权限提示，询问是否允许文迹访问这个网站；也可以打开门户页面后点工具栏上的文迹图标，选“在此网站启用文迹”。',
  'welcome.step.clerk': '第二步：您的姓名和部门',
  'welcome.step.clerkHelp': '登记、传阅和收回记录都会写上经办人。',
  'welcome.saved': '已保存：{name}，{department}',
  'welcome.step.calendar': '第三步：节假日日历',
  'welcome.step.calendarHelp': '办理期限按工作日计算（含法定节假日和调休）。日历覆盖至 {year} 年；之后的年份请在“设置”中导入新日历，否则按周一至周五计算。',
  'welcome.shortcut': '快捷键 Alt+Shift+D 把焦点移到页面上的文迹面板（可在浏览器的扩展快捷键设置中更改）。',
  'welcome.openRegister': '打开台账',
  'welcome.openSettings': '全部设置',
} as const;

export type WelcomeKey = keyof typeof welcomeZhCN;
