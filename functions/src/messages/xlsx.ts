// What the workbook routes say when they refuse an upload or a request.
// Part of the server's one catalog (index.ts); keys are the `code` of a problem answer.
import type { Locale } from '@teamsheet/shared';

export const xlsxMessages = {
  en: {
    'xlsx.limit.maxFileBytes':
      'The file is {value} bytes; uploads may be at most {max} bytes. Remove unused sheets or split the data.',
    'xlsx.limit.maxEntries':
      'The workbook package holds {value} parts; at most {max} are accepted. Save it again from Excel as a plain .xlsx.',
    'xlsx.limit.maxEntryBytes':
      'Part {part} unpacks to {value} bytes; at most {max} bytes are accepted per part. The file is refused as a possible zip bomb.',
    'xlsx.limit.maxTotalBytes':
      'The workbook unpacks to {value} bytes; at most {max} bytes are accepted. The file is refused as a possible zip bomb.',
    'xlsx.limit.maxRatio':
      'Part {part} is compressed {value}:1; at most {max}:1 is accepted. The file is refused as a possible zip bomb.',
    'xlsx.size-lie':
      'Part {part} inflates to more than the {max} bytes its header declares (stopped at {value}); the file is refused as a zip bomb.',
    'xlsx.limit.maxSheets': 'The workbook has {value} sheets; at most {max} are accepted.',
    'xlsx.limit.maxRows':
      'Sheet {part} reaches row {value}; at most {max} data rows are accepted. Split the data into several files.',
    'xlsx.limit.maxColumns': 'Sheet {part} uses column {value}; at most {max} columns are accepted.',
    'xlsx.limit.maxCells': 'The sheets read hold more than {max} filled cells ({value} so far).',
    'xlsx.limit.maxStringLength':
      'A text in {part} is {value} characters long; at most {max} characters are accepted per cell.',
    'xlsx.limit.maxSharedStrings':
      'The shared-strings table holds {value} entries; at most {max} are accepted.',
    'xlsx.limit.maxSharedStringChars':
      'The shared-strings table holds {value} characters; at most {max} are accepted.',
    'xlsx.not-xlsx':
      'The upload is not an .xlsx workbook ({reason}). Save the file from Excel as "Excel Workbook (*.xlsx)" and upload it again.',
    'xlsx.legacy-xls':
      'The upload is an old binary .xls (or an encrypted) workbook. Save it as "Excel Workbook (*.xlsx)" without a password and upload it again.',
    'xlsx.encrypted': 'Part {part} is encrypted; remove the password and upload the workbook again.',
    'xlsx.compression':
      'Part {part} uses compression method {method}; only stored and deflated parts are read.',
    'xlsx.unexpected-part':
      'The package contains "{part}", which is not a part of a plain .xlsx workbook (macros, embedded files and paths outside the package are refused).',
    'xlsx.duplicate-part': 'The package contains "{part}" twice.',
    'xlsx.corrupt': 'Part {part} cannot be read ({reason}). Save the workbook again and upload it.',
    'xlsx.missing-part': 'The workbook has no {part}; it is not a complete .xlsx workbook.',
    'xlsx.no-sheet':
      'The workbook has no sheet "{sheet}" for a {kind} template. Download a fresh template or rename the sheet.',
    'xlsx.wrong-kind':
      'Sheet {sheet} is a {found} template, but a {kind} import was asked for. Choose the matching import or template.',
    'xlsx.bad-kind': 'Template kind "{kind}" is unknown; use one of {allowed}.',
    'xlsx.bad-query': 'Query parameter {name} is missing or invalid: {reason}',
    'xlsx.media-type':
      'The body must be an .xlsx file sent as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/octet-stream; got {type}.',
    'rollup.unknown-unit': 'Unit {unitId} does not exist in the organisation in force (version {version}).',
    'rollup.bad-since': 'since must be an ETag of an earlier answer or an ISO date-time; got "{since}".',
  },
  'zh-CN': {
    'xlsx.limit.maxFileBytes':
      '文件大小为 {value} 字节,上传上限为 {max} 字节。请删除不用的工作表或拆分数据。',
    'xlsx.limit.maxEntries':
      '工作簿包含 {value} 个部件,最多接受 {max} 个。请在 Excel 中另存为普通 .xlsx 文件。',
    'xlsx.limit.maxEntryBytes':
      '部件 {part} 解压后为 {value} 字节,每个部件最多 {max} 字节。该文件疑似压缩炸弹,已拒绝。',
    'xlsx.limit.maxTotalBytes':
      '工作簿解压后为 {value} 字节,最多接受 {max} 字节。该文件疑似压缩炸弹,已拒绝。',
    'xlsx.limit.maxRatio': '部件 {part} 的压缩比为 {value}:1,最多接受 {max}:1。该文件疑似压缩炸弹,已拒绝。',
    'xlsx.size-lie':
      '部件 {part} 解压后超过其头部声明的 {max} 字节(在 {value} 字节处停止);该文件作为压缩炸弹被拒绝。',
    'xlsx.limit.maxSheets': '工作簿有 {value} 个工作表,最多接受 {max} 个。',
    'xlsx.limit.maxRows': '工作表 {part} 达到第 {value} 行,最多接受 {max} 行数据。请把数据拆分到多个文件。',
    'xlsx.limit.maxColumns': '工作表 {part} 用到第 {value} 列,最多接受 {max} 列。',
    'xlsx.limit.maxCells': '读取的工作表中非空单元格超过 {max} 个(已读到 {value} 个)。',
    'xlsx.limit.maxStringLength': '{part} 中有一段文本长 {value} 个字符,每个单元格最多 {max} 个字符。',
    'xlsx.limit.maxSharedStrings': '共享字符串表有 {value} 项,最多接受 {max} 项。',
    'xlsx.limit.maxSharedStringChars': '共享字符串表共有 {value} 个字符,最多接受 {max} 个。',
    'xlsx.not-xlsx':
      '上传的不是 .xlsx 工作簿({reason})。请在 Excel 中另存为"Excel 工作簿 (*.xlsx)"后重新上传。',
    'xlsx.legacy-xls':
      '上传的是旧版二进制 .xls 或已加密的工作簿。请另存为不带密码的"Excel 工作簿 (*.xlsx)"后重新上传。',
    'xlsx.encrypted': '部件 {part} 已加密,请去掉密码后重新上传。',
    'xlsx.compression': '部件 {part} 使用压缩方式 {method};只能读取未压缩或 deflate 压缩的部件。',
    'xlsx.unexpected-part':
      '文件包中含有"{part}",它不属于普通的 .xlsx 工作簿(宏、嵌入文件和包外路径一律拒绝)。',
    'xlsx.duplicate-part': '文件包中"{part}"出现了两次。',
    'xlsx.corrupt': '无法读取部件 {part}({reason})。请重新保存工作簿后上传。',
    'xlsx.missing-part': '工作簿缺少 {part},不是完整的 .xlsx 工作簿。',
    'xlsx.no-sheet': '工作簿中没有 {kind} 模板所需的工作表"{sheet}"。请下载新模板或重命名工作表。',
    'xlsx.wrong-kind': '工作表 {sheet} 是 {found} 模板,而请求的是 {kind} 导入。请选择相符的导入或模板。',
    'xlsx.bad-kind': '模板类型"{kind}"未知,请使用 {allowed} 之一。',
    'xlsx.bad-query': '查询参数 {name} 缺失或无效:{reason}',
    'xlsx.media-type':
      '请求内容必须是 .xlsx 文件,类型为 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 或 application/octet-stream;收到的是 {type}。',
    'rollup.unknown-unit': '当前组织架构(版本 {version})中没有单元 {unitId}。',
    'rollup.bad-since': 'since 必须是之前响应的 ETag 或 ISO 日期时间;收到的是"{since}"。',
  },
} as const satisfies Record<Locale, Record<string, string>>;
