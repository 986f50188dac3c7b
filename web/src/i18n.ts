/**
 * UI strings in both languages, and number/date formatting per language with Intl. Case data
 * carries its own `{ ar, en }` text; `bi()` picks the side for the current language.
 */
import { settings } from './settings.js';

export type Lang = 'ar' | 'en';

const STRINGS = {
  appName: { ar: 'مرصد', en: 'Marsad' },
  editItem: { ar: 'تحرير', en: 'Edit' },
  editItemHint: {
    ar: 'العنصر كما تكتبه ملفات الحالة (JSON). يُرفض الحفظ مع اسم الحقل إن لم يصحّ، وكل حفظ تغيير مسجَّل يمكن إلغاؤه.',
    en: 'The item as the case files write it (JSON). A save that does not validate is refused with the field named; every save is a recorded change you can revert.',
  },
  saveChanges: { ar: 'احفظ', en: 'Save' },
  retire: { ar: 'اسحب من الحالة', en: 'Retire' },
  restore: { ar: 'أعِده إلى الحالة', en: 'Restore' },
  retiredBadge: { ar: 'مسحوب', en: 'retired' },
  saved: { ar: 'حُفظ', en: 'Saved' },
  nothingChanged: { ar: 'لم يتغير شيء.', en: 'Nothing changed.' },
  expectedObject: { ar: 'المتوقع كائن JSON بين { }', en: 'expected a JSON object in { }' },
  newItem: { ar: 'عنصر جديد', en: 'A new item' },
  newItemHint: {
    ar: 'اكتب العنصر كما تكتبه ملفات الحالة، مع استشهاداته (doc وquote). يتحقق منه كما يتحقق المحمِّل.',
    en: 'Write the item as the case files write it, with its citations (doc and quote). It is validated as the loader validates.',
  },
  section: { ar: 'القسم', en: 'Section' },
  addItem: { ar: 'أضِف', en: 'Add' },
  authorScenario: { ar: 'سيناريو من إعدادك', en: 'A scenario of your own' },
  authorIntro: {
    ar: 'حرّك الروافع، أضف تغييرات مؤرّخة، جرّب وزناً آخر لرابط، ثم شغّل وقارن بأي سيناريو. الرابط المُجرَّب يسري على الطرفين في المقارنة. احفظ ما يستحق البقاء: يُسجَّل في السجل ويُصدَّر مع الحالة.',
    en: 'Move the levers, add dated changes, try a link at another weight, then run and compare with any scenario. A link tried applies to both sides of the comparison. Save what is worth keeping: it is recorded in the history and exported with the case.',
  },
  remove: { ar: 'احذف', en: 'Remove' },
  schedule: { ar: 'تغييرات مؤرّخة', en: 'Dated changes' },
  addStep: { ar: 'أضف تغييراً', en: 'Add a change' },
  stepInvalid: { ar: 'اختر شهراً وقيمة بين −1 و1', en: 'Choose a month and a value between −1 and 1' },
  tryEdges: { ar: 'جرّب وزن رابط', en: 'Try a link at another weight' },
  tryEdge: { ar: 'جرّب', en: 'Try' },
  weightInvalid: { ar: 'الوزن بين −1 و1', en: 'A weight between −1 and 1' },
  keepEdge: { ar: 'احتفظ به', en: 'Keep' },
  discard: { ar: 'تجاهل', en: 'Discard' },
  edgeKept: { ar: 'حُفظ الوزن الجديد للرابط', en: 'The link’s new weight is kept' },
  edgeKeptReason: { ar: 'وزن جُرّب في التطبيق', en: 'weight tried in the app' },
  compareWith: { ar: 'قارن مع', en: 'Compare with' },
  runMine: { ar: 'شغّل', en: 'Run' },
  moveALever: { ar: 'حرّك رافعة واحدة على الأقل أو أضف تغييراً مؤرّخاً.', en: 'Move at least one lever or add a dated change.' },
  yourScenario: { ar: 'سيناريوك', en: 'Your scenario' },
  baselineValue: { ar: 'خط الأساس', en: 'Baseline' },
  saveScenario: { ar: 'احفظ السيناريو', en: 'Save the scenario' },
  scenarioName: { ar: 'اسم السيناريو', en: 'Name' },
  scenarioNote: { ar: 'ملاحظة: لماذا يستحق النظر', en: 'Note: why it is worth weighing' },
  scenarioSaved: { ar: 'حُفظ السيناريو', en: 'Scenario saved' },
  scenarioSavedReason: { ar: 'سيناريو أُعدّ في التطبيق', en: 'scenario authored in the app' },
  edgesNotSaved: { ar: 'الروابط المُجرَّبة لا تُحفظ مع السيناريو: احتفظ بها من قائمتها إن أردت.', en: 'Links tried are not saved with the scenario: keep them from their list if you want them.' },
  analystScenario: { ar: 'سيناريو المحلل', en: 'Analyst’s scenario' },
  desk: { ar: 'مكتب الأدلة', en: 'Evidence desk' },
  deskIntro: {
    ar: 'أضِف تقريراً أو ملفاً، ثم راجع ما يقترحه منه: صحّح المقترح، ثم اقبله أو ارفضه أو ادمجه. كل قبول تغيير موثّق يمكن التراجع عنه في',
    en: 'Add a report or a file, then review what it proposes: correct a proposal, then accept, reject or merge it. Every acceptance is a cited change you can undo in',
  },
  openInReader: { ar: 'افتح في القارئ', en: 'Open in the reader' },
  showDecided: { ar: 'اعرض ما حُسم أيضاً', en: 'Show decided proposals too' },
  hideDecided: { ar: 'أخفِ ما حُسم', en: 'Hide decided proposals' },
  noCandidates: { ar: 'لا مقترحات تنتظر المراجعة في هذه الوثيقة.', en: 'No proposals wait for review in this document.' },
  noCandidatesAtAll: { ar: 'لم يُستخرج من هذه الوثيقة أي مقترح.', en: 'Extraction proposes nothing from this document.' },
  candidateCommitment: { ar: 'حالة التزام', en: 'Commitment status' },
  candidateEvent: { ar: 'حدث', en: 'Event' },
  candidateFigure: { ar: 'رقم', en: 'Figure' },
  candidateStance: { ar: 'موقف', en: 'Stance' },
  candidateQuote: { ar: 'تصريح', en: 'Quote' },
  candidateActor: { ar: 'فاعل جديد', en: 'New actor' },
  addDocument: { ar: 'أضِف وثيقة', en: 'Add a document' },
  pasteReport: { ar: 'الصق نص التقرير', en: 'Paste the report' },
  pasteHint: { ar: 'العنوان في السطر الأول؛ النص كما نُشر.', en: 'The headline on the first line; the text as published.' },
  orUpload: { ar: 'أو ارفع ملفاً', en: 'Or upload a file' },
  uploadHint: { ar: 'نص، Markdown، HTML، PDF أو Word (docx)، حتى 20 ميغابايت.', en: 'Text, Markdown, HTML, PDF or Word (docx), up to 20 MB.' },
  documentDetails: { ar: 'ما تعرفه عن الوثيقة', en: 'What you know of the document' },
  docTitle: { ar: 'العنوان', en: 'Title' },
  publishedHint: { ar: 'سنة، أو سنة وشهر، أو تاريخ كامل؛ تُحسب منه «أمس» و«الثلاثاء».', en: 'A year, a month or a day; "yesterday" and "on Tuesday" are read from it.' },
  author: { ar: 'الكاتب', en: 'Author' },
  sourceUrl: { ar: 'الرابط', en: 'Web address' },
  detectLanguage: { ar: 'تُكتشف تلقائياً', en: 'Detect' },
  reliability: { ar: 'موثوقية المصدر', en: 'Source reliability' },
  unknownReliability: { ar: 'غير معروفة', en: 'Unknown' },
  pasteOrUpload: { ar: 'الصق نصاً أو اختر ملفاً.', en: 'Paste a text or choose a file.' },
  pasteOrUploadNotBoth: { ar: 'نص ملصوق أو ملف، لا الاثنان معاً.', en: 'A pasted text or a file, not both.' },
  fileTooLarge: { ar: 'الملف أكبر من 20 ميغابايت', en: 'The file is larger than 20 MB' },
  reading: { ar: 'جارٍ قراءة الوثيقة وتقطيعها…', en: 'Reading and indexing the document…' },
  documentAdded: { ar: 'أُضيفت الوثيقة', en: 'Document added' },
  'added-added': { ar: 'أُضيفت', en: 'Added' },
  'added-unchanged': { ar: 'موجودة من قبل بلا تغيير', en: 'Already stored, unchanged' },
  'added-updated': { ar: 'حُدّثت', en: 'Updated' },
  'added-replaced': { ar: 'استُبدلت', en: 'Replaced' },
  relatedDocuments: { ar: 'وثائق قريبة', en: 'Related documents' },
  'near-duplicate': { ar: 'شبه مكررة', en: 'near-duplicate' },
  'same-story': { ar: 'الخبر نفسه', en: 'same story' },
  reviewCandidates: { ar: 'راجع ما تقترحه الوثيقة', en: 'Review what it proposes' },
  title: { ar: 'العنوان', en: 'Title' },
  name: { ar: 'الاسم', en: 'Name' },
  unit: { ar: 'الوحدة', en: 'Unit' },
  note: { ar: 'ملاحظة', en: 'Note' },
  statusScore: { ar: 'درجة التنفيذ', en: 'Implementation' },
  'change-done': { ar: 'اكتمل', en: 'done' },
  'change-begun': { ar: 'بدأ', en: 'begun' },
  'change-slipped': { ar: 'تأجّل', en: 'slipped' },
  'change-ended': { ar: 'انتهى', en: 'ended' },
  inContext: { ar: 'في سياقه', en: 'in context' },
  confidence: { ar: 'الثقة', en: 'Confidence' },
  ambiguousName: { ar: 'اسم يحتمل أكثر من فاعل:', en: 'A name that fits several actors:' },
  reasonOptional: { ar: 'السبب (اختياري)', en: 'Reason (optional)' },
  accept: { ar: 'اقبل', en: 'Accept' },
  reject: { ar: 'ارفض', en: 'Reject' },
  mergeInto: { ar: 'ادمج في', en: 'Merge into' },
  accepted: { ar: 'قُبل', en: 'Accepted' },
  rejected: { ar: 'رُفض', en: 'Rejected' },
  merged: { ar: 'دُمج', en: 'Merged' },
  undo: { ar: 'تراجع', en: 'Undo' },
  undoneAtDesk: { ar: 'تراجع من مكتب الأدلة', en: 'undone at the evidence desk' },
  reverted: { ar: 'أُلغي التغيير', en: 'Change reverted' },
  historyIntro: {
    ar: 'كل تغيير في الحالة، الأحدث أولاً: من أجراه ومتى ولماذا وعلى أي مقطع استند. إلغاء تغيير تغييرٌ جديد يُسجَّل هنا أيضاً. الأدلة الجديدة تدخل من',
    en: 'Every change of the case, newest first: who made it, when, why and on which passages. Reverting a change is a new change, recorded here too. New evidence comes in at the',
  },
  historyOf: { ar: 'تغييرات العنصر', en: 'Changes of' },
  editAndHistory: { ar: 'تحرير وسجل التغييرات', en: 'Edit · changes' },
  allChanges: { ar: 'كل التغييرات', en: 'All changes' },
  revision: { ar: 'المراجعة', en: 'Revision' },
  noChangesYet: { ar: 'لا تغييرات بعد.', en: 'No changes yet.' },
  olderChanges: { ar: 'تغييرات أقدم', en: 'Older changes' },
  'action-seed': { ar: 'إنشاء من ملفات الحالة', en: 'seeded from the case files' },
  'action-reseed': { ar: 'إعادة إنشاء من ملفات الحالة', en: 'reseeded from the case files' },
  'action-add': { ar: 'إضافة', en: 'added' },
  'action-edit': { ar: 'تعديل', en: 'edited' },
  'action-retire': { ar: 'سحب', en: 'retired' },
  'action-restore': { ar: 'استعادة', en: 'restored' },
  'action-revert': { ar: 'إلغاء', en: 'reverted' },
  'action-import': { ar: 'استيراد', en: 'imported' },
  revertsChange: { ar: 'يلغي التغيير', en: 'Reverts change' },
  revertedBy: { ar: 'أُلغي بالتغيير', en: 'Reverted by change' },
  fromCandidate: { ar: 'من المقترح', en: 'From proposal' },
  revert: { ar: 'ألغِ هذا التغيير', en: 'Revert this change' },
  fieldsChanged: { ar: 'الحقول المتغيرة', en: 'Fields changed' },
  overview: { ar: 'نظرة عامة', en: 'Overview' },
  sources: { ar: 'المصادر', en: 'Sources' },
  search: { ar: 'البحث', en: 'Search' },
  actors: { ar: 'الفاعلون', en: 'Actors' },
  timeline: { ar: 'الخط الزمني', en: 'Timeline' },
  commitments: { ar: 'الالتزامات', en: 'Commitments' },
  figures: { ar: 'الأرقام والتعارضات', en: 'Figures & conflicts' },
  causal: { ar: 'الخريطة السببية', en: 'Causal map' },
  scenarios: { ar: 'السيناريوهات', en: 'Scenarios' },
  switchLang: { ar: 'English', en: 'العربية' },
  loading: { ar: 'جارٍ التحميل…', en: 'Loading…' },
  error: { ar: 'خطأ', en: 'Error' },
  notFound: { ar: 'الصفحة غير موجودة', en: 'Page not found' },
  keyFigures: { ar: 'أرقام رئيسية', en: 'Key figures' },
  documents: { ar: 'الوثائق', en: 'Documents' },
  passages: { ar: 'المقاطع', en: 'Passages' },
  events: { ar: 'الأحداث', en: 'Events' },
  claims: { ar: 'الأرقام المنسوبة', en: 'Figures' },
  conflicts: { ar: 'التعارضات', en: 'Conflicts' },
  stances: { ar: 'المواقف', en: 'Stances' },
  concepts: { ar: 'المفاهيم', en: 'Concepts' },
  edges: { ar: 'الروابط', en: 'Links' },
  nextDeadlines: { ar: 'المواعيد القادمة', en: 'Next deadlines' },
  latestEvents: { ar: 'آخر الأحداث', en: 'Latest events' },
  scenarioSummary: { ar: 'السيناريوهات المطروحة', en: 'Scenarios weighed' },
  asOf: { ar: 'حتى تاريخ', en: 'As of' },
  asOfHint: { ar: 'الحالة كما عُرفت في هذا التاريخ', en: 'The case as known on this date' },
  today: { ar: 'اليوم', en: 'Today' },
  timeliness: { ar: 'الالتزام بالموعد', en: 'Timeliness' },
  tl_not_yet_due: { ar: 'لم يحن موعده', en: 'not yet due' },
  tl_due_soon: { ar: 'يستحق قريباً', en: 'due soon' },
  tl_overdue: { ar: 'متأخر', en: 'overdue' },
  tl_completed_on_time: { ar: 'أُنجز في موعده', en: 'completed on time' },
  tl_completed_late: { ar: 'أُنجز متأخراً', en: 'completed late' },
  tl_abandoned: { ar: 'متروك', en: 'abandoned' },
  daysLate: { ar: 'يوماً من التأخير', en: 'days late' },
  daysLeft: { ar: 'يوماً متبقياً', en: 'days left' },
  overdueFirst: { ar: 'المتأخر أولاً ثم ما يستحق قريباً', en: 'Overdue first, then what falls due next' },
  slipChart: { ar: 'المخطط مقابل الفعلي: حالة كل التزام عبر الزمن أمام موعده', en: 'Planned vs actual: each commitment’s status over time against its deadline' },
  planned: { ar: 'الموعد المقرر', en: 'planned (deadline)' },
  actual: { ar: 'الإنجاز الفعلي', en: 'actual (completed)' },
  backtest: { ar: 'الاختبار الرجعي', en: 'Back-test' },
  backtestIntro: {
    ar: 'تُعاد الحالة إلى تاريخ، وتُقارن الاحتمالات التي حملتها حينها بما سُجّل بعده: درجة براير (0 أفضل، 0.25 لمن يقول 50٪ دائماً) ودرجة اللوغاريتم (0 أفضل).',
    en: 'The case is rewound to a date, and the probabilities it held then are compared with what was recorded after: Brier score (0 best, 0.25 for always saying 50%) and log score (0 best).',
  },
  forecasts: { ar: 'التوقعات', en: 'Forecasts' },
  probabilitiesOverTime: { ar: 'الاحتمالات عبر الزمن', en: 'Probabilities over time' },
  probabilityChart: {
    ar: 'احتمال كل فرضية وسيناريو عبر الزمن: توقع المحلل إن وُجد وإلا حصتها في تحليل الفرضيات المتنافسة',
    en: 'The probability of each hypothesis and scenario over time: the analyst’s forecast where held, else its share in the ACH ranking',
  },
  analystForecast: { ar: 'توقع المحلل', en: 'analyst’s forecast' },
  outcomeMark: { ar: 'ما حدث (1 تحقق، 0 لم يتحقق)', en: 'outcome (1 came about, 0 did not)' },
  backtestDate: { ar: 'تاريخ الاختبار', en: 'back-test date' },
  predicted: { ar: 'الاحتمال حينها', en: 'p then' },
  observed: { ar: 'ما حدث', en: 'Observed' },
  resolvedOn: { ar: 'تاريخ الحسم', en: 'Resolved' },
  brier: { ar: 'براير', en: 'Brier' },
  logScore: { ar: 'اللوغاريتم', en: 'Log' },
  calibration: { ar: 'المعايرة: نطاق الاحتمال', en: 'Calibration: probability band' },
  cameTrue: { ar: 'نسبة ما تحقق', en: 'Share that came true' },
  meanScores: { ar: 'المتوسطات', en: 'Means' },
  then: { ar: 'حينها', en: 'Then' },
  now: { ar: 'الآن', en: 'Now' },
  timingError: { ar: 'خطأ التوقيت (أيام)', en: 'Timing error (days)' },
  indicators: { ar: 'المؤشرات', en: 'Indicators' },
  tl_not_triggered: { ar: 'لم ينطلق', en: 'not triggered' },
  tl_triggered: { ar: 'انطلق', en: 'triggered' },
  tl_reversed: { ar: 'انعكس', en: 'reversed' },
  yes: { ar: 'نعم', en: 'yes' },
  no: { ar: 'لا', en: 'no' },
  resolvedCount: { ar: 'توقعات حُسمت', en: 'forecasts resolved' },
  deadlinesMet: { ar: 'مواعيد: في الموعد / متأخرة / فائتة', en: 'Deadlines: on time / late / missed' },
  due: { ar: 'الموعد', en: 'Due' },
  status: { ar: 'الحالة', en: 'Status' },
  owners: { ar: 'الجهات الملتزمة', en: 'Owners' },
  counterparts: { ar: 'الأطراف المقابلة', en: 'Counterparts' },
  history: { ar: 'السجل', en: 'History' },
  jobs: { ar: 'المهام', en: 'Jobs' },
  jobsIntro: {
    ar: 'الأعمال الطويلة (محاكاة مونت كارلو، إدخال المجلدات والملفات الكبيرة، استخراج المقترحات، الإحاطات) تُقسَّم أجزاءً ينفّذها هذا التطبيق أو عمّال «marsad worker» على قاعدة البيانات نفسها. يُعاد الجزء الذي توقف عامله.',
    en: 'Long work (Monte Carlo runs, ingests of folders and large files, extraction, briefings) is cut in parts run by this app or by “marsad worker” processes on the same database. A part whose worker stopped is run again.',
  },
  noJobs: { ar: 'لا مهام بعد', en: 'No jobs yet' },
  allJobs: { ar: 'كل المهام', en: 'All jobs' },
  jobQueued: { ar: 'في الانتظار', en: 'queued' },
  jobRunning: { ar: 'قيد التنفيذ', en: 'running' },
  jobDone: { ar: 'انتهت', en: 'done' },
  jobFailed: { ar: 'فشلت', en: 'failed' },
  jobCancelled: { ar: 'أُلغيت', en: 'cancelled' },
  jobIngest: { ar: 'إدخال وثائق', en: 'Ingest' },
  jobExtract: { ar: 'استخراج المقترحات', en: 'Extraction' },
  extractNew: { ar: 'استخرج مقترحات الوثائق الجديدة', en: 'Extract the new documents' },
  extractFound: { ar: 'وثائق استُخرجت مقترحاتها: {n}', en: 'Documents extracted: {n}' },
  candidatesFound: { ar: 'مقترحات: {n}', en: 'Candidates: {n}' },
  uploadAsJob: { ar: 'في الخلفية، مهمةً', en: 'In the background, as a job' },
  uploadAsJobHint: { ar: 'الملفات الأكبر من 1 ميغابايت تُرسل مهمةً دائماً.', en: 'Files above 1 MB are always sent as a job.' },
  uploadQueued: { ar: 'أُرسل الملف مهمةً؛ تُفتح مقترحاته حين يُحفظ.', en: 'Sent as a job; its proposals open once it is stored.' },
  jobParts: { ar: 'الأجزاء', en: 'parts' },
  jobAttempts: { ar: 'المحاولات', en: 'attempts' },
  jobWorkers: { ar: 'العمّال', en: 'Workers' },
  jobCancel: { ar: 'ألغِ المهمة', en: 'Cancel job' },
  jobRetry: { ar: 'أعِد المحاولة', en: 'Retry' },
  source: { ar: 'المصدر', en: 'Source' },
  openSource: { ar: 'افتح المقطع', en: 'Open passage' },
  notIngested: { ar: 'الوثيقة غير مُدخلة', en: 'document not ingested' },
  chooseDocument: { ar: 'اختر وثيقة لقراءتها', en: 'Choose a document to read' },
  noDocuments: { ar: 'لا توجد وثائق مُدخلة؛ تعمل الصفحات على بيانات الحالة وحدها.', en: 'No documents ingested; pages work on the case data alone.' },
  legendActor: { ar: 'فاعل', en: 'actor' },
  legendPlace: { ar: 'مكان', en: 'place' },
  legendFact: { ar: 'واقعة موثّقة', en: 'cited fact' },
  legendDate: { ar: 'تاريخ', en: 'date' },
  query: { ar: 'عبارة البحث', en: 'Query' },
  run: { ar: 'تشغيل', en: 'Run' },
  allDocuments: { ar: 'كل الوثائق', en: 'All documents' },
  anyLanguage: { ar: 'كل اللغات', en: 'Any language' },
  language: { ar: 'اللغة', en: 'Language' },
  anyActor: { ar: 'أي فاعل', en: 'Any actor' },
  anyType: { ar: 'كل الأنواع', en: 'Any type' },
  from: { ar: 'من', en: 'From' },
  to: { ar: 'إلى', en: 'To' },
  results: { ar: 'النتائج', en: 'Results' },
  noResults: { ar: 'لا نتائج', en: 'No results' },
  expandedWith: { ar: 'وُسّع البحث بأسماء:', en: 'Expanded with names:' },
  score: { ar: 'الدرجة', en: 'score' },
  stanceMap: { ar: 'خريطة المواقف عبر الزمن', en: 'Stances over time' },
  attributedStances: { ar: 'مواقف ينسبها إليه كتّاب ومحللون', en: 'Stances authors attribute to it' },
  attributedBy: { ar: 'بحسب', en: 'per' },
  attributedHint: { ar: 'الدوائر المفرغة: مواقف منسوبة لا تصريحات', en: 'Hollow marks: positions attributed by authors, not declared' },
  relations: { ar: 'شبكة العلاقات', en: 'Relations' },
  aliases: { ar: 'أسماء أخرى', en: 'Other names' },
  allActors: { ar: 'كل الفاعلين', en: 'All actors' },
  chooseActor: { ar: 'اختر فاعلاً من القائمة أو من الرسم', en: 'Choose an actor from the list or the graphs' },
  type: { ar: 'النوع', en: 'Type' },
  value: { ar: 'القيمة', en: 'Value' },
  period: { ar: 'الفترة', en: 'Period' },
  reportedBy: { ar: 'بحسب', en: 'Reported by' },
  quantity: { ar: 'الكمية', en: 'Quantity' },
  noConflicts: { ar: 'لا تعارضات محسوبة', en: 'No computed conflicts' },
  allFigures: { ar: 'كل الأرقام', en: 'All figures' },
  weight: { ar: 'الوزن', en: 'Weight' },
  range: { ar: 'المدى المعقول', en: 'Plausible range' },
  strength: { ar: 'صيغة المصدر', en: 'Source wording' },
  loops: { ar: 'الحلقات الارتدادية', en: 'Feedback loops' },
  reinforcing: { ar: 'معزِّزة', en: 'reinforcing' },
  balancing: { ar: 'موازِنة', en: 'balancing' },
  clickEdge: { ar: 'انقر رابطاً أو مفهوماً لعرض التفاصيل', en: 'Click a link or concept for details' },
  metrics: { ar: 'المقاييس', en: 'Metrics' },
  density: { ar: 'الكثافة', en: 'Density' },
  lever: { ar: 'رافعة', en: 'lever' },
  intermediate: { ar: 'وسيط', en: 'intermediate' },
  outcome: { ar: 'النتيجة', en: 'Outcome' },
  compare: { ar: 'قارن مع', en: 'Compare with' },
  none: { ar: 'لا شيء', en: 'none' },
  runScenario: { ar: 'شغّل السيناريو', en: 'Run scenario' },
  outcomes: { ar: 'تغيّر النتائج عن خط الأساس', en: 'Outcome change from baseline' },
  winnersLosers: { ar: 'الرابحون والخاسرون', en: 'Winners and losers' },
  trajectories: { ar: 'المسارات الشهرية', en: 'Monthly trajectories' },
  monteCarlo: { ar: 'مونت كارلو', en: 'Monte Carlo' },
  runs: { ar: 'عدد المحاكاة', en: 'Runs' },
  seed: { ar: 'البذرة', en: 'Seed' },
  start: { ar: 'ابدأ', en: 'Start' },
  probability: { ar: 'الاحتمال', en: 'Probability' },
  sensitivity: { ar: 'الحساسية', en: 'Sensitivity' },
  convergence: { ar: 'التقارب', en: 'Convergence' },
  atWalls: {
    ar: 'مفاهيم عند حدود دالة التحويل (تشبّع)، فتقلّل فروقها من أثر ما يحركها',
    en: 'Concepts at the walls of the transfer function (saturated): their changes understate what moves them',
  },
  simulationUnavailable: { ar: 'محرك المحاكاة غير متاح', en: 'The simulation engine is unavailable' },
  winners: { ar: 'الرابحون', en: 'Winners' },
  losers: { ar: 'الخاسرون', en: 'Losers' },
  payoff: { ar: 'العائد', en: 'Payoff' },
  delta: { ar: 'الفرق', en: 'Change' },
  quote: { ar: 'الاقتباس', en: 'Quote' },
  score0: { ar: 'لم يبدأ', en: 'not started' },
  score1: { ar: 'حد أدنى', en: 'minimal' },
  score2: { ar: 'متوسط', en: 'intermediate' },
  score3: { ar: 'مكتمل', en: 'complete' },
  early: { ar: 'أوائل', en: 'early' },
  mid: { ar: 'منتصف', en: 'mid' },
  late: { ar: 'أواخر', en: 'late' },
  about: { ar: 'نحو', en: 'about' },
  before: { ar: 'قبل', en: 'before' },
  after: { ar: 'بعد', en: 'after' },
  support: { ar: 'يؤيد', en: 'supports' },
  oppose: { ar: 'يعارض', en: 'opposes' },
  conditional: { ar: 'مشروط', en: 'conditional' },
  reserved: { ar: 'متحفظ', en: 'reserved' },
  ambiguous: { ar: 'غامض', en: 'ambiguous' },
  issue: { ar: 'القضية', en: 'Issue' },
  outlet: { ar: 'الناشر', en: 'Outlet' },
  published: { ar: 'تاريخ النشر', en: 'Published' },
  hypotheses: { ar: 'الفرضيات المتنافسة', en: 'Hypotheses' },
  leading: { ar: 'الفرضية المتقدمة', en: 'Leading hypothesis' },
  ranking: { ar: 'الترتيب', en: 'Ranking' },
  rank: { ar: 'المرتبة', en: 'Rank' },
  inconsistency: { ar: 'عدم الاتساق', en: 'Inconsistency' },
  weightedScore: { ar: 'الدرجة الموزونة', en: 'Weighted score' },
  robustness: { ar: 'المتانة', en: 'Robustness' },
  withoutLow: { ar: 'المتقدمة بعد إسقاط الأدلة ضعيفة المصداقية', en: 'Leading without low-credibility evidence' },
  noCritical: { ar: 'لا يغيّر إسقاط أي دليل منفرد الفرضية المتقدمة', en: 'Dropping any single item leaves the leading hypothesis unchanged' },
  matrix: { ar: 'المصفوفة', en: 'Matrix' },
  evidence: { ar: 'الدليل', en: 'Evidence' },
  credibility: { ar: 'المصداقية / الصلة', en: 'Credibility / relevance' },
  diagnosticity: { ar: 'القدرة التمييزية', en: 'Diagnosticity' },
  lowEnd: { ar: 'الوزن عند الحد الأدنى', en: 'weight at low end' },
  highEnd: { ar: 'الوزن عند الحد الأعلى', en: 'weight at high end' },
  briefing: { ar: 'الإحاطة', en: 'Briefing' },
  briefingIntro: {
    ar: 'إحاطة موثّقة لسيناريو واحد: كل جملة تذكر واقعة تحيل بحاشية إلى المقطع الذي تستند إليه.',
    en: 'A cited briefing for one scenario: every sentence that states a fact is footnoted to the passage it rests on.',
  },
  briefingLanguage: { ar: 'لغة الإحاطة', en: 'Briefing language' },
  briefingContents: {
    ar: 'الخلاصة أولاً، الأحداث والمواعيد، الفاعلون ومواقفهم، الأرقام وتعارض المصادر، الفرضيات المتنافسة، نتائج السيناريو واحتمالاتها، مؤشرات للمتابعة.',
    en: 'Bottom line up front, events and deadlines, actors and stances, figures and conflicting sources, competing hypotheses, scenario outcomes with probabilities, indicators to watch.',
  },
  download: { ar: 'تنزيل', en: 'Download' },
  formatMd: { ar: 'Markdown', en: 'Markdown' },
  formatHtml: { ar: 'HTML', en: 'HTML' },
  formatPdf: { ar: 'PDF', en: 'PDF' },
  pdfSlow: { ar: 'يُطبع ملف PDF في متصفح Chromium على الخادم، وقد يستغرق بضع ثوانٍ.', en: 'The PDF is printed in Chromium on the server and may take a few seconds.' },
  levers: { ar: 'الروافع', en: 'Levers' },
  scenario: { ar: 'السيناريو', en: 'Scenario' },
  hypothesis: { ar: 'الفرضية', en: 'Hypothesis' },
  weightedInconsistency: { ar: 'عدم الاتساق الموزون', en: 'Weighted inconsistency' },
  achMethod: {
    ar: 'طريقة هيوير: تتقدّم الفرضية التي تعارضها أدلة أقل؛ يُحسب التقدير «غير متّسق» (I) نقطة و«غير متّسق إطلاقاً» (II) نقطتين، موزونةً بالمصداقية × الصلة، وتفصل الدرجة الموزونة عند التعادل.',
    en: 'Heuer’s method: the hypothesis with the least evidence against it leads (inconsistency: I = 1, II = 2, weighted by credibility × relevance); the weighted score breaks ties.',
  },
  criticalItems: { ar: 'أدلة حاسمة (إسقاط أيٍّ منها يغيّر الفرضية المتقدمة)', en: 'Critical items (dropping one changes the leading hypothesis)' },
  withoutIt: { ar: 'من دونه تتقدّم', en: 'without it the leader is' },
  dropped: { ar: 'الأدلة المُسقطة', en: 'Dropped' },
  clickRating: { ar: 'انقر تقديراً في المصفوفة لعرض مسوّغه ومصدره', en: 'Click a rating in the matrix to see its rationale and source' },
  ratingCC: { ar: 'متّسق جداً', en: 'very consistent' },
  ratingC: { ar: 'متّسق', en: 'consistent' },
  ratingN: { ar: 'محايد', en: 'neutral' },
  ratingNA: { ar: 'لا ينطبق', en: 'not applicable' },
  ratingI: { ar: 'غير متّسق', en: 'inconsistent' },
  ratingII: { ar: 'غير متّسق إطلاقاً', en: 'very inconsistent' },
  noScenarios: { ar: 'لا سيناريوهات في هذه الحالة', en: 'This case has no scenarios' },
  skipToContent: { ar: 'تخطَّ إلى المحتوى', en: 'Skip to content' },
  menu: { ar: 'القائمة', en: 'Menu' },
  settings: { ar: 'الإعدادات', en: 'Settings' },
  numerals: { ar: 'الأرقام', en: 'Digits' },
  numeralsLatn: { ar: 'لاتينية (0123)', en: 'Latin (0123)' },
  numeralsArab: { ar: 'هندية (٠١٢٣)', en: 'Arabic-Indic (٠١٢٣)' },
  monthStyle: { ar: 'أسماء الأشهر', en: 'Arabic month names' },
  monthsEgypt: { ar: 'يناير، فبراير…', en: 'يناير، فبراير… (Egypt, Gulf)' },
  monthsLevant: { ar: 'كانون الثاني، شباط…', en: 'كانون الثاني، شباط… (Iraq, Levant)' },
  close: { ar: 'إغلاق', en: 'Close' },
  retry: { ar: 'أعد المحاولة', en: 'Try again' },
  backToOverview: { ar: 'العودة إلى النظرة العامة', en: 'Back to the overview' },
  errorBadRequest: { ar: 'تعذّر تنفيذ الطلب: بعض المدخلات غير مقبولة.', en: 'The request could not be carried out: some input was not accepted.' },
  errorNotFound: { ar: 'لم يُعثر على المطلوب.', en: 'What was asked for was not found.' },
  errorBusy: { ar: 'الخادم مشغول بطلبات أخرى؛ أعد المحاولة بعد قليل.', en: 'The server is busy with other requests; try again shortly.' },
  errorServer: { ar: 'حدث خطأ في الخادم.', en: 'The server ran into an error.' },
  errorNetwork: { ar: 'تعذّر الاتصال بالخادم. هل ما زال «marsad serve» يعمل؟', en: 'The server could not be reached. Is "marsad serve" still running?' },
  technicalDetails: { ar: 'التفاصيل التقنية (بالإنجليزية)', en: 'Technical details' },
  searchFailed: { ar: 'تعذّر البحث', en: 'The search failed' },
  sortBy: { ar: 'الترتيب', en: 'Order' },
  byRelevance: { ar: 'حسب الصلة', en: 'By relevance' },
  byDate: { ar: 'الأحدث أولًا', en: 'Newest first' },
  didYouMean: { ar: 'هل تقصد:', en: 'Did you mean:' },
  ambiguousQueryName: { ar: 'اسم مشترك بين أكثر من فاعل، بُحث عنه كما كُتب:', en: 'A name several actors share, searched as written:' },
  matchedOn: { ar: 'طابق:', en: 'Matched:' },
  alsoIn: { ar: 'النص نفسه أيضًا في:', en: 'The same text also in:' },
  readAs: { ar: 'قُرئ الاستعلام هكذا:', en: 'The query was read as:' },
  unknownScenario: { ar: 'لا يوجد في الحالة سيناريو بالمعرّف', en: 'The case has no scenario with the id' },
  unknownActor: { ar: 'لا يوجد في الحالة فاعل بالمعرّف', en: 'The case has no actor with the id' },
  unknownDocument: { ar: 'لا توجد وثيقة بالمعرّف', en: 'There is no document with the id' },
  unknownCommitment: { ar: 'لا يوجد التزام بالمعرّف', en: 'There is no commitment with the id' },
  unknownEvent: { ar: 'لا يوجد حدث بالمعرّف', en: 'There is no event with the id' },
  unknownConcept: { ar: 'لا يوجد مفهوم أو رابط بالمعرّف', en: 'There is no concept or link with the id' },
  unknownRating: { ar: 'لا يوجد تقدير بالمعرّف', en: 'There is no rating with the id' },
  unknownPassage: { ar: 'لا يوجد في هذه الوثيقة مقطع بالمعرّف', en: 'This document has no passage with the id' },
  chooseInstead: { ar: 'اختر واحداً مما يلي:', en: 'Choose one of these instead:' },
  arrowWord: { ar: 'يؤدي إلى', en: 'leads to' },
  dataTable: { ar: 'البيانات في جدول', en: 'The data as a table' },
  graphTable: { ar: 'الروابط في جدول', en: 'The links as a table' },
  bottomLine: { ar: 'الخلاصة', en: 'Bottom line' },
  leadingHypothesis: { ar: 'الفرضية الأكثر اتساقاً مع الأدلة', en: 'The hypothesis the evidence contradicts least' },
  restsOn: { ar: 'تستند إلى', en: 'It rests on' },
  hangsOn: { ar: 'أدلة حاسمة: إسقاط أيٍّ منها يغيّر الخلاصة', en: 'Critical evidence: dropping any one changes the answer' },
  inItsScenario: { ar: 'في السيناريو المقابل', en: 'In the matching scenario' },
  aheadIn: { ar: 'في موقع الرابح في', en: 'comes out ahead in' },
  ofRuns: { ar: 'من المحاكاة بأوزان معقولة', en: 'of runs over plausible weights' },
  overdue: { ar: 'متأخرة عن موعدها', en: 'Overdue' },
  dueNext: { ar: 'المستحق تالياً', en: 'Due next' },
  nothingOverdue: { ar: 'لا شيء متأخر حتى هذا التاريخ', en: 'Nothing is overdue as of this date' },
  changedSince: { ar: 'ما تغيّر منذ', en: 'What changed since' },
  noChanges: { ar: 'لم يتغير شيء في هذه الفترة', en: 'Nothing changed in this period' },
  show: { ar: 'اعرض', en: 'Show' },
  mapTitle: { ar: 'خريطة الأماكن والأحداث', en: 'Places and events' },
  mapNote: { ar: 'حدود الدول من Natural Earth؛ المواقع تقريبية.', en: 'Borders from Natural Earth; positions are approximate.' },
  placesTable: { ar: 'الأماكن والأحداث في جدول', en: 'Places and events as a table' },
  place: { ar: 'المكان', en: 'Place' },
  noEventsHere: { ar: 'لا أحداث مسجلة هنا', en: 'No events recorded here' },
  statusChange: { ar: 'تغيّر حالة', en: 'status change' },
  stanceTaken: { ar: 'موقف', en: 'stance' },
  eventKind: { ar: 'حدث', en: 'event' },
  figureStated: { ar: 'رقم', en: 'figure' },
  searchConcept: { ar: 'ابحث عن مفهوم', en: 'Find a concept' },
  searchActor: { ar: 'ابحث عن فاعل', en: 'Find an actor' },
  focus: { ar: 'التركيز', en: 'Focus' },
  hops: { ar: 'عدد الخطوات', en: 'Steps out' },
  whole: { ar: 'الكل', en: 'all' },
  kinds: { ar: 'الأنواع', en: 'Kinds' },
  sign: { ar: 'الاتجاه', en: 'Sign' },
  positive: { ar: 'موجب (+)', en: 'positive (+)' },
  negative: { ar: 'سالب (−)', en: 'negative (−)' },
  minWeight: { ar: 'أدنى وزن', en: 'Minimum weight' },
  reset: { ar: 'إعادة الضبط', en: 'Reset' },
  fit: { ar: 'ملاءمة العرض', en: 'Fit to view' },
  zoomIn: { ar: 'تكبير', en: 'Zoom in' },
  zoomOut: { ar: 'تصغير', en: 'Zoom out' },
  groupBy: { ar: 'التجميع', en: 'Group by' },
  groupType: { ar: 'حسب النوع', en: 'type' },
  groupAlliance: { ar: 'حسب التحالف', en: 'alliance' },
  groupNone: { ar: 'بلا تجميع', en: 'none' },
  relationTypes: { ar: 'العلاقات', en: 'Relations' },
  shownOf: { ar: 'معروض', en: 'shown' },
  graphHelp: {
    ar: 'مرّر المؤشر فوق رابط لرؤية وزنه؛ انقر مفهوماً للتركيز عليه، أو استخدم الجدول أدناه بلوحة المفاتيح.',
    en: 'Hover a link to see its weight; click a concept to focus on it, or use the table below from the keyboard.',
  },
  relationsHelp: {
    ar: 'انقر فاعلاً لفتحه والتركيز على محيطه؛ الجدول أدناه يعرض العلاقات نفسها.',
    en: 'Click an actor to open it and focus on its neighbourhood; the table below lists the same relations.',
  },
  kindLever: { ar: 'الروافع', en: 'Levers' },
  kindIntermediate: { ar: 'الوسائط', en: 'Intermediates' },
  kindOutcome: { ar: 'النتائج', en: 'Outcomes' },
  layers: { ar: 'الطبقات: الروافع ← الوسائط ← النتائج', en: 'Layers: levers → intermediates → outcomes' },
  marks: { ar: 'العلامات', en: 'Marks' },
  legendQuery: { ar: 'كلمات البحث', en: 'query terms' },
  hitsFor: { ar: 'نتائج البحث عن', en: 'matches for' },
  resultsAnnounce: { ar: 'نتائج البحث', en: 'Search results' },
  progressAnnounce: { ar: 'تقدّم المحاكاة', en: 'Simulation progress' },
  eventSelected: { ar: 'الحدث المختار', en: 'Selected event' },
  ratingFor: { ar: 'تقدير', en: 'Rating' },
  details: { ar: 'التفاصيل', en: 'Details' },
  stanceMapSummary: { ar: 'كل موقف نقطة: الفاعل على المحور العمودي والتاريخ على الأفقي، ولونها الموقف.', en: 'Each stance is a dot: the actor on the vertical axis, the date on the horizontal, coloured by position.' },
  date: { ar: 'التاريخ', en: 'Date' },
  position: { ar: 'الموقف', en: 'Position' },
  concept: { ar: 'المفهوم', en: 'Concept' },
  link: { ar: 'الرابط', en: 'Link' },
  rise: { ar: 'ارتفاع', en: 'rise' },
  fall: { ar: 'انخفاض', en: 'fall' },
  month: { ar: 'الشهر', en: 'Month' },
  edgeRelation: { ar: 'العلاقة', en: 'Relation' },
  actor: { ar: 'الفاعل', en: 'Actor' },
  passage: { ar: 'المقطع', en: 'Passage' },
  openPassage: { ar: 'افتح المقطع', en: 'open the passage' },
  citation: { ar: 'مصدر', en: 'source' },
  goToPassage: { ar: 'المقطع', en: 'Passage' },
} as const;


/** Names of the case's enumerated values (types, relations, qualifiers, statuses). */
const TERMS: Record<string, { ar: string; en: string }> = {
  state: { ar: 'دول', en: 'States' },
  government: { ar: 'حكومات ووزارات', en: 'Governments' },
  organisation: { ar: 'منظمات', en: 'Organisations' },
  party: { ar: 'أحزاب', en: 'Parties' },
  alliance: { ar: 'تحالفات', en: 'Alliances' },
  militia: { ar: 'فصائل مسلحة', en: 'Armed factions' },
  'armed-force': { ar: 'قوات وقيادات', en: 'Forces and commands' },
  person: { ar: 'أشخاص', en: 'Persons' },
  media: { ar: 'وسائل إعلام', en: 'Media' },
  institute: { ar: 'مراكز بحث', en: 'Institutes' },
  group: { ar: 'جماعات وتيارات', en: 'Groups' },
  'member-of': { ar: 'عضو في', en: 'member of' },
  leads: { ar: 'يقود', en: 'leads' },
  backs: { ar: 'يدعم', en: 'backs' },
  opposes: { ar: 'يعارض', en: 'opposes' },
  'proxy-of': { ar: 'وكيل لـ', en: 'proxy of' },
  'allied-with': { ar: 'حليف لـ', en: 'allied with' },
  'part-of': { ar: 'جزء من', en: 'part of' },
  represents: { ar: 'يمثّل', en: 'represents' },
  attack: { ar: 'هجوم', en: 'attack' },
  strike: { ar: 'ضربة', en: 'strike' },
  meeting: { ar: 'اجتماع', en: 'meeting' },
  negotiation: { ar: 'تفاوض', en: 'negotiation' },
  statement: { ar: 'بيان', en: 'statement' },
  agreement: { ar: 'اتفاق', en: 'agreement' },
  decision: { ar: 'قرار', en: 'decision' },
  election: { ar: 'انتخابات', en: 'election' },
  deployment: { ar: 'انتشار', en: 'deployment' },
  withdrawal: { ar: 'انسحاب', en: 'withdrawal' },
  deadline: { ar: 'موعد نهائي', en: 'deadline' },
  other: { ar: 'أخرى', en: 'other' },
  base: { ar: 'قاعدة', en: 'base' },
  camp: { ar: 'مخيم', en: 'camp' },
  city: { ar: 'مدينة', en: 'city' },
  region: { ar: 'إقليم', en: 'region' },
  site: { ar: 'موقع', en: 'site' },
  country: { ar: 'دولة', en: 'country' },
  exact: { ar: '', en: '' },
  'more-than': { ar: 'أكثر من', en: 'more than' },
  'at-least': { ar: 'ما لا يقل عن', en: 'at least' },
  'less-than': { ar: 'أقل من', en: 'less than' },
  'at-most': { ar: 'على الأكثر', en: 'at most' },
  'up-to': { ar: 'حتى', en: 'up to' },
  conflict: { ar: 'تعارض', en: 'conflict' },
  'different-periods': { ar: 'فترات مختلفة', en: 'different periods' },
  discrepancy: { ar: 'تباين', en: 'discrepancy' },
  'fixed-point': { ar: 'نقطة ثابتة', en: 'fixed point' },
  'limit-cycle': { ar: 'دورة', en: 'limit cycle' },
  driver: { ar: 'محرّك', en: 'driver' },
  receiver: { ar: 'مستقبِل', en: 'receiver' },
  ordinary: { ar: 'عادي', en: 'ordinary' },
  isolated: { ar: 'معزول', en: 'isolated' },
  certain: { ar: 'مؤكد', en: 'certain' },
  will: { ar: 'سوف', en: 'will' },
  likely: { ar: 'مرجّح', en: 'likely' },
  may: { ar: 'قد', en: 'may' },
  could: { ar: 'يمكن', en: 'could' },
  low: { ar: 'منخفضة', en: 'low' },
  medium: { ar: 'متوسطة', en: 'medium' },
  high: { ar: 'عالية', en: 'high' },
};

export type StringKey = keyof typeof STRINGS;

let current: Lang = 'ar';

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
}

export function lang(): Lang {
  return current;
}

export function isRtl(): boolean {
  return current === 'ar';
}

export function t(key: StringKey): string {
  return STRINGS[key][current];
}

/** Picks the current language's side of case text, falling back to the other. */
export function bi(text: { ar?: string; en?: string } | undefined | null): string {
  if (!text) return '';
  return text[current] || text.ar || text.en || '';
}

/** Looks up a UI string by a data value (position, qualifier…) or shows the value itself. */
export function label(key: string): string {
  if (key in STRINGS) return STRINGS[key as StringKey][current];
  const term = TERMS[key];
  return term ? term[current] : key;
}

/** Separator between items of a list: the Arabic comma in Arabic. */
export function listSep(): string {
  return current === 'ar' ? '، ' : ', ';
}

/**
 * The BCP 47 locale for Intl in the current language and settings: Gregorian calendar always,
 * the chosen digits, and for Arabic the region whose month names were chosen (EG: يناير…,
 * IQ: كانون الثاني…).
 */
export function locale(): string {
  const s = settings();
  if (current === 'ar') return `ar-${s.months === 'levant' ? 'IQ' : 'EG'}-u-ca-gregory-nu-${s.numerals.ar}`;
  return `en-GB-u-ca-gregory-nu-${s.numerals.en}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale()}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale(), options)));
  return f;
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale()}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', ...options })));
  return f;
}

export function fmtNumber(n: number, digits = 0): string {
  return numberFormat({ maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

export function fmtSigned(n: number, digits = 2): string {
  return numberFormat({ maximumFractionDigits: digits, minimumFractionDigits: digits, signDisplay: 'exceptZero' }).format(n);
}

export function fmtPercent(p: number): string {
  return numberFormat({ style: 'percent', maximumFractionDigits: 0 }).format(p);
}

/** Plural forms of a phrase per language; `{n}` is replaced by the formatted count. */
export type PluralForms = { ar: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }; en: { one: string; other: string } };

const pluralRules = new Map<Lang, Intl.PluralRules>();
/** Picks the CLDR plural form (Arabic has six: zero, one, two, few, many, other). */
export function plural(n: number, forms: PluralForms, digits = 0): string {
  let rules = pluralRules.get(current);
  if (!rules) pluralRules.set(current, (rules = new Intl.PluralRules(current)));
  const side = forms[current] as Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  const text = side[rules.select(n)] ?? side.other;
  return text.replace('{n}', fmtNumber(n, digits));
}

/** Counted nouns of the UI: "3 results", "٣ نتائج", "نتيجتان". */
export const COUNTS = {
  results: {
    ar: { zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: '{n} نتائج', many: '{n} نتيجة', other: '{n} نتيجة' },
    en: { one: '{n} result', other: '{n} results' },
  },
  runs: {
    ar: { one: 'محاكاة واحدة', two: 'محاكاتان', few: '{n} محاكاة', many: '{n} محاكاة', other: '{n} محاكاة' },
    en: { one: '{n} run', other: '{n} runs' },
  },
  events: {
    ar: { zero: 'لا أحداث', one: 'حدث واحد', two: 'حدثان', few: '{n} أحداث', many: '{n} حدثاً', other: '{n} حدث' },
    en: { one: '{n} event', other: '{n} events' },
  },
  loops: {
    ar: { zero: 'لا حلقات', one: 'حلقة واحدة', two: 'حلقتان', few: '{n} حلقات', many: '{n} حلقة', other: '{n} حلقة' },
    en: { one: '{n} loop', other: '{n} loops' },
  },
  days: {
    ar: { zero: '{n} يوم', one: 'يوم واحد', two: 'يومان', few: '{n} أيام', many: '{n} يوماً', other: '{n} يوم' },
    en: { one: '{n} day', other: '{n} days' },
  },
  items: {
    ar: { zero: 'لا عناصر', one: 'عنصر واحد', two: 'عنصران', few: '{n} عناصر', many: '{n} عنصراً', other: '{n} عنصر' },
    en: { one: '{n} item', other: '{n} items' },
  },
} satisfies Record<string, PluralForms>;

/**
 * The units the case's figures use, with their plural forms. Arabic counts take the plural from
 * 3 to 10 (هجمات), the singular accusative from 11 to 99 (هجوماً) and the singular from 100
 * (هجوم) — which Intl.PluralRules' few / many / other select.
 */
const UNITS: Record<string, PluralForms> = {
  attacks: { ar: { one: 'هجوم', two: 'هجومان', few: 'هجمات', many: 'هجوماً', other: 'هجوم' }, en: { one: 'attack', other: 'attacks' } },
  persons: { ar: { one: 'شخص', two: 'شخصان', few: 'أشخاص', many: 'شخصاً', other: 'شخص' }, en: { one: 'person', other: 'people' } },
  troops: { ar: { one: 'جندي', two: 'جنديان', few: 'جنود', many: 'جندياً', other: 'جندي' }, en: { one: 'soldier', other: 'troops' } },
  fighters: { ar: { one: 'مقاتل', two: 'مقاتلان', few: 'مقاتلين', many: 'مقاتلاً', other: 'مقاتل' }, en: { one: 'fighter', other: 'fighters' } },
  years: { ar: { one: 'سنة', two: 'سنتان', few: 'سنوات', many: 'سنة', other: 'سنة' }, en: { one: 'year', other: 'years' } },
  countries: { ar: { one: 'دولة', two: 'دولتان', few: 'دول', many: 'دولة', other: 'دولة' }, en: { one: 'country', other: 'countries' } },
  states: { ar: { one: 'دولة', two: 'دولتان', few: 'دول', many: 'دولة', other: 'دولة' }, en: { one: 'state', other: 'states' } },
  operations: { ar: { one: 'عملية', two: 'عمليتان', few: 'عمليات', many: 'عملية', other: 'عملية' }, en: { one: 'operation', other: 'operations' } },
  groups: { ar: { one: 'جماعة', two: 'جماعتان', few: 'جماعات', many: 'جماعة', other: 'جماعة' }, en: { one: 'group', other: 'groups' } },
  MW: { ar: { other: 'ميغاواط' }, en: { one: 'MW', other: 'MW' } },
};

/**
 * A figure with its unit in the UI language: "more than 130 attacks" / "أكثر من 130 هجوماً",
 * percentages and dollars through Intl. A unit the table does not know is shown as written.
 */
export function fmtQuantity(value: number | { low: number; high: number }, unit: string, qualifier = 'exact'): string {
  const q = qualifier !== 'exact' ? `${label(qualifier)} ` : '';
  const digits = (x: number) => (Number.isInteger(x) ? 0 : 2);
  const range = typeof value !== 'number';
  const num = (x: number) => {
    if (unit === 'percent') return numberFormat({ style: 'percent', maximumFractionDigits: 1 }).format(x / 100);
    if (unit === 'USD' || unit === 'USD/year') {
      return numberFormat({ style: 'currency', currency: 'USD', notation: x >= 1e6 ? 'compact' : 'standard', maximumFractionDigits: 1 }).format(x);
    }
    return fmtNumber(x, digits(x));
  };
  const n = range ? `${num(value.low)}–${num(value.high)}` : num(value);
  if (unit === 'percent' || unit === 'USD') return `${q}${n}`;
  if (unit === 'USD/year') return `${q}${n} ${current === 'ar' ? 'سنوياً' : 'a year'}`;
  const forms = UNITS[unit];
  if (!forms) return `${q}${n} ${unit}`;
  // A range is counted by its upper end ("5–7 آلاف" → the form for 7).
  const count = range ? value.high : value;
  const side = forms[current] as Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  let rules = pluralRules.get(current);
  if (!rules) pluralRules.set(current, (rules = new Intl.PluralRules(current)));
  // "one"/"two" forms in Arabic replace the number ("هجومان"); with a qualifier or a range the
  // number stays and the noun takes the general form.
  const form = rules.select(count);
  if (current === 'ar' && !range && !q && (form === 'one' || form === 'two') && side[form]) return side[form]!;
  const noun = side[form === 'one' || form === 'two' ? 'other' : form] ?? side.other;
  return `${q}${n} ${noun}`;
}

type PartialDate = string | { value: string; qualifier?: string; text?: string };

/** A date at its real precision: a year stays a year, a month a month. */
export function fmtDate(d: PartialDate | undefined | null): string {
  if (!d) return '';
  const value = typeof d === 'string' ? d : d.value;
  const qualifier = typeof d === 'string' ? undefined : d.qualifier;
  const [y, m, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, day ?? 1));
  const opts: Intl.DateTimeFormatOptions = { year: 'numeric' };
  if (m) opts.month = 'long';
  if (day) opts.day = 'numeric';
  const text = dateFormat(opts).format(date);
  return qualifier ? `${label(qualifier)} ${text}` : text;
}

/** A date for an axis or a tick: "Jul 2024" / "يوليو 2024" / "تموز 2024". */
export function fmtAxisDate(ms: number, precision: 'year' | 'month' | 'day'): string {
  const d = new Date(ms);
  if (precision === 'year') return dateFormat({ year: 'numeric' }).format(d);
  if (precision === 'month') return dateFormat({ month: 'short', year: 'numeric' }).format(d);
  return dateFormat({ day: 'numeric', month: 'short' }).format(d);
}

/** Month names in the current language and style, January first (for the chart library). */
export function monthNames(width: 'long' | 'short'): string[] {
  return Array.from({ length: 12 }, (_, i) => dateFormat({ month: width }).format(new Date(Date.UTC(2024, i, 15))));
}

/** Any Intl date format in the current locale (UTC). */
export function fmtDateWith(ms: number | Date, options: Intl.DateTimeFormatOptions): string {
  return dateFormat(options).format(ms);
}

/** The first day a partial date may denote, as a Date (for charts and the timeline). */
export function dateOf(d: PartialDate): Date {
  const value = typeof d === 'string' ? d : d.value;
  const [y, m, day] = value.split('-').map(Number);
  return new Date(Date.UTC(y, (m ?? 1) - 1, day ?? 1));
}

export function dateValue(d: PartialDate | undefined): string {
  return d ? (typeof d === 'string' ? d : d.value) : '';
}
