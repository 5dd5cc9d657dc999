import type { LocalizedText } from '../findings';

/**
 * The ISO 9001 clause catalogue as data: clause numbers, short titles and our own one-line
 * paraphrases (never the standard's text), for hover text, the docs and the coverage matrix.
 *
 * Catalogues are keyed by edition so that a later one (ISO 9001:2026) can be added next to this
 * one; `standard:` in qms.yaml picks the catalogue in force.
 */

/**
 * What documented information a clause calls for: `maintain` (a document kept up to date),
 * `retain` (records kept as evidence), or `both`.
 */
export type DocumentedInformation = 'maintain' | 'retain' | 'both';

export interface Clause {
  /** `"8.5.1"`: dotted, without a trailing dot. */
  number: string;
  /**
   * The clause heading. Sub-clauses the standard leaves without a heading (4.4.1, 6.2.1…) carry
   * our own label in [brackets] and `untitled: true`.
   */
  title: LocalizedText;
  /** Our own one-line paraphrase of what the clause asks, for hover text. */
  summary: LocalizedText;
  /** Set on the clause (the narrowest one) that explicitly calls for documented information. */
  documentedInformation?: DocumentedInformation;
  /** The standard gives this sub-clause no heading; `title` is our label. */
  untitled?: true;
}

export const ISO_9001_2015 = 'ISO 9001:2015';
/** The edition used when qms.yaml names none. */
export const DEFAULT_STANDARD = ISO_9001_2015;

type Row = [number: string, en: string, vi: string, summaryEn: string, summaryVi: string, di?: DocumentedInformation | '', untitled?: true];

// prettier-ignore
const ROWS_2015: Row[] = [
  ['4', 'Context of the organization', 'Bối cảnh của tổ chức',
    'Understand the organization, its context and its interested parties, and set up the QMS and its processes.',
    'Hiểu tổ chức, bối cảnh và các bên quan tâm; thiết lập hệ thống quản lý chất lượng và các quá trình.'],
  ['4.1', 'Understanding the organization and its context', 'Hiểu tổ chức và bối cảnh của tổ chức',
    'Identify the internal and external issues that affect the results the QMS should achieve, and keep them under review.',
    'Xác định các vấn đề nội bộ và bên ngoài ảnh hưởng đến kết quả dự kiến của hệ thống, và thường xuyên xem xét lại.'],
  ['4.2', 'Understanding the needs and expectations of interested parties', 'Hiểu nhu cầu và mong đợi của các bên quan tâm',
    'Know which interested parties matter and what they require, and keep that picture current.',
    'Xác định các bên quan tâm liên quan và yêu cầu của họ, cập nhật khi có thay đổi.'],
  ['4.3', 'Determining the scope of the quality management system', 'Xác định phạm vi của hệ thống quản lý chất lượng',
    'Set the boundaries of the QMS, name the products and services it covers and justify any requirement declared not applicable.',
    'Xác định ranh giới của hệ thống, sản phẩm và dịch vụ được bao trùm, và lý giải các yêu cầu không áp dụng.', 'maintain'],
  ['4.4', 'Quality management system and its processes', 'Hệ thống quản lý chất lượng và các quá trình của hệ thống',
    'Establish, run and improve the QMS as a set of interacting processes.',
    'Thiết lập, vận hành và cải tiến hệ thống như một tập hợp các quá trình tương tác.'],
  ['4.4.1', '[what each process must determine]', '[những nội dung cần xác định cho mỗi quá trình]',
    'For each process: inputs, outputs, interactions, criteria and indicators, resources, responsibilities, risks, evaluation, improvement.',
    'Với mỗi quá trình: đầu vào, đầu ra, trình tự và tương tác, chuẩn mực và chỉ số, nguồn lực, trách nhiệm, rủi ro, đánh giá, cải tiến.', '', true],
  ['4.4.2', '[documented information for processes]', '[thông tin dạng văn bản của các quá trình]',
    'Keep the documents needed to run the processes and the records showing they ran as planned.',
    'Duy trì tài liệu cần cho việc vận hành các quá trình và lưu giữ hồ sơ cho thấy quá trình được thực hiện như hoạch định.', 'both', true],

  ['5', 'Leadership', 'Sự lãnh đạo',
    'Top management leads the QMS, sets the quality policy and assigns responsibilities.',
    'Lãnh đạo cao nhất dẫn dắt hệ thống, thiết lập chính sách chất lượng và phân công trách nhiệm.'],
  ['5.1', 'Leadership and commitment', 'Sự lãnh đạo và cam kết',
    'Top management shows commitment to the QMS and to customer focus.',
    'Lãnh đạo cao nhất thể hiện cam kết với hệ thống và với việc hướng vào khách hàng.'],
  ['5.1.1', 'General', 'Khái quát',
    'Top management is accountable for the QMS: policy, objectives, resources, process approach, risk-based thinking, improvement.',
    'Lãnh đạo cao nhất chịu trách nhiệm về hệ thống: chính sách, mục tiêu, nguồn lực, tiếp cận theo quá trình, tư duy rủi ro, cải tiến.'],
  ['5.1.2', 'Customer focus', 'Hướng vào khách hàng',
    'Customer and legal requirements are met, risks to satisfaction are addressed and satisfaction is the focus.',
    'Đáp ứng yêu cầu của khách hàng và pháp luật, xử lý rủi ro ảnh hưởng đến sự thỏa mãn, lấy sự thỏa mãn làm trọng tâm.'],
  ['5.2', 'Policy', 'Chính sách',
    'Set a quality policy and make it known.',
    'Thiết lập chính sách chất lượng và phổ biến chính sách.'],
  ['5.2.1', 'Establishing the quality policy', 'Thiết lập chính sách chất lượng',
    'A policy that fits the organization, frames the objectives and commits to meeting requirements and improving.',
    'Chính sách phù hợp với tổ chức, làm khuôn khổ cho mục tiêu, cam kết đáp ứng yêu cầu và cải tiến.'],
  ['5.2.2', 'Communicating the quality policy', 'Truyền đạt chính sách chất lượng',
    'Keep the policy as a document, communicate it inside and make it available to interested parties.',
    'Duy trì chính sách dưới dạng văn bản, truyền đạt trong tổ chức và sẵn có cho các bên quan tâm.', 'maintain'],
  ['5.3', 'Organizational roles, responsibilities and authorities', 'Vai trò, trách nhiệm và quyền hạn trong tổ chức',
    'Assign and communicate who is responsible and has authority for what, including reporting on the QMS.',
    'Phân công và truyền đạt trách nhiệm, quyền hạn, kể cả việc báo cáo về kết quả của hệ thống.'],

  ['6', 'Planning', 'Hoạch định',
    'Plan how risks and opportunities, objectives and changes are handled.',
    'Hoạch định việc xử lý rủi ro và cơ hội, mục tiêu chất lượng và thay đổi.'],
  ['6.1', 'Actions to address risks and opportunities', 'Hành động giải quyết rủi ro và cơ hội',
    'Find the risks and opportunities that matter and plan proportionate actions.',
    'Xác định rủi ro và cơ hội cần giải quyết và hoạch định hành động tương xứng.'],
  ['6.1.1', '[determining risks and opportunities]', '[xác định rủi ro và cơ hội]',
    'Considering context and interested parties, decide which risks and opportunities need addressing.',
    'Từ bối cảnh và các bên quan tâm, xác định rủi ro và cơ hội cần được giải quyết.', '', true],
  ['6.1.2', '[planning actions]', '[hoạch định hành động]',
    'Plan the actions, build them into the processes and check whether they worked.',
    'Hoạch định hành động, tích hợp vào các quá trình và đánh giá hiệu lực của hành động.', '', true],
  ['6.2', 'Quality objectives and planning to achieve them', 'Mục tiêu chất lượng và hoạch định để đạt được mục tiêu',
    'Set measurable quality objectives and plan how to reach them.',
    'Thiết lập mục tiêu chất lượng đo lường được và hoạch định cách đạt được.'],
  ['6.2.1', '[quality objectives]', '[mục tiêu chất lượng]',
    'Measurable, monitored objectives at relevant functions and levels, consistent with the policy, kept as documents.',
    'Mục tiêu đo lường được, được theo dõi ở các cấp và bộ phận liên quan, nhất quán với chính sách, duy trì dưới dạng văn bản.', 'maintain', true],
  ['6.2.2', '[planning to achieve objectives]', '[hoạch định để đạt mục tiêu]',
    'Decide what will be done, with what resources, by whom, by when and how results are evaluated.',
    'Xác định việc cần làm, nguồn lực, người chịu trách nhiệm, thời hạn và cách đánh giá kết quả.', '', true],
  ['6.3', 'Planning of changes', 'Hoạch định thay đổi',
    'Change the QMS in a planned way, keeping it whole and resourced.',
    'Thực hiện thay đổi hệ thống một cách có hoạch định, bảo đảm tính toàn vẹn và nguồn lực.'],

  ['7', 'Support', 'Hỗ trợ',
    'Resources, competence, awareness, communication and documented information.',
    'Nguồn lực, năng lực, nhận thức, trao đổi thông tin và thông tin dạng văn bản.'],
  ['7.1', 'Resources', 'Nguồn lực',
    'Provide the resources the QMS needs.',
    'Cung cấp nguồn lực cần thiết cho hệ thống.'],
  ['7.1.1', 'General', 'Khái quát',
    'Decide which resources are needed, internal or from external providers, and provide them.',
    'Xác định nguồn lực cần thiết, từ nội bộ hay bên ngoài, và cung cấp nguồn lực đó.'],
  ['7.1.2', 'People', 'Con người',
    'Provide the people needed to run the processes.',
    'Cung cấp nhân lực cần thiết để vận hành các quá trình.'],
  ['7.1.3', 'Infrastructure', 'Cơ sở hạ tầng',
    'Provide and maintain buildings, equipment, IT and transport.',
    'Cung cấp và duy trì nhà xưởng, trang thiết bị, công nghệ thông tin, phương tiện vận chuyển.'],
  ['7.1.4', 'Environment for the operation of processes', 'Môi trường cho việc thực hiện các quá trình',
    'Provide a suitable social, psychological and physical working environment.',
    'Bảo đảm môi trường làm việc phù hợp về xã hội, tâm lý và vật lý.'],
  ['7.1.5', 'Monitoring and measuring resources', 'Nguồn lực theo dõi và đo lường',
    'Measuring and monitoring resources give valid, reliable results.',
    'Nguồn lực theo dõi và đo lường cho kết quả đúng và tin cậy.'],
  ['7.1.5.1', 'General', 'Khái quát',
    'Resources suit the measurement, are maintained, and records show they are fit for purpose.',
    'Nguồn lực phù hợp với phép đo, được duy trì, có hồ sơ chứng tỏ sự phù hợp với mục đích.', 'retain'],
  ['7.1.5.2', 'Measurement traceability', 'Liên kết chuẩn đo lường',
    'Where traceability is needed, calibrate or verify equipment and record the basis used when no standard exists.',
    'Khi cần liên kết chuẩn, hiệu chuẩn hoặc kiểm tra xác nhận thiết bị, lưu hồ sơ căn cứ khi không có chuẩn đo lường.', 'retain'],
  ['7.1.6', 'Organizational knowledge', 'Tri thức của tổ chức',
    'Determine the knowledge the processes need, keep it and make it available.',
    'Xác định tri thức cần cho các quá trình, duy trì và sẵn có khi cần.'],
  ['7.2', 'Competence', 'Năng lực',
    'Define the competence each role needs, make sure people have it and keep evidence.',
    'Xác định năng lực cần có cho từng vị trí, bảo đảm nhân sự đáp ứng và lưu giữ bằng chứng.', 'retain'],
  ['7.3', 'Awareness', 'Nhận thức',
    'People know the policy, the objectives, their contribution and the consequences of not conforming.',
    'Mọi người biết chính sách, mục tiêu, đóng góp của mình và hậu quả của việc không tuân thủ.'],
  ['7.4', 'Communication', 'Trao đổi thông tin',
    'Decide what is communicated, when, to whom, how and by whom.',
    'Xác định trao đổi thông tin gì, khi nào, với ai, bằng cách nào và ai thực hiện.'],
  ['7.5', 'Documented information', 'Thông tin dạng văn bản',
    'Create, update and control the documents and records of the QMS.',
    'Tạo lập, cập nhật và kiểm soát tài liệu, hồ sơ của hệ thống.'],
  ['7.5.1', 'General', 'Khái quát',
    'The QMS holds the documented information the standard requires plus what the organization needs.',
    'Hệ thống có thông tin dạng văn bản mà tiêu chuẩn yêu cầu và mà tổ chức thấy cần thiết.'],
  ['7.5.2', 'Creating and updating', 'Tạo lập và cập nhật',
    'Documents are identified, in a suitable format, and reviewed and approved.',
    'Tài liệu được nhận biết, có định dạng phù hợp, được xem xét và phê duyệt.'],
  ['7.5.3', 'Control of documented information', 'Kiểm soát thông tin dạng văn bản',
    'Documented information is available where needed and protected.',
    'Thông tin dạng văn bản sẵn có khi cần và được bảo vệ thích hợp.'],
  ['7.5.3.1', '[availability and protection]', '[sẵn có và được bảo vệ]',
    'Controlled documents are available and fit for use where needed, and protected from loss or misuse.',
    'Tài liệu được kiểm soát sẵn có, phù hợp tại nơi sử dụng, và được bảo vệ khỏi mất mát, sử dụng sai.', '', true],
  ['7.5.3.2', '[control activities]', '[các hoạt động kiểm soát]',
    'Distribution, access, storage, version control, retention and disposal; external-origin documents identified and controlled.',
    'Phân phối, truy cập, lưu trữ, kiểm soát thay đổi, thời hạn lưu giữ, hủy bỏ; tài liệu bên ngoài được nhận biết và kiểm soát.', '', true],

  ['8', 'Operation', 'Thực hiện',
    'Plan, run and control the processes that deliver products and services.',
    'Hoạch định, thực hiện và kiểm soát các quá trình tạo ra sản phẩm và dịch vụ.'],
  ['8.1', 'Operational planning and control', 'Hoạch định và kiểm soát việc thực hiện',
    'Plan operational processes, set criteria, control changes and outsourced work, keep the documents and records needed.',
    'Hoạch định các quá trình tác nghiệp, đặt chuẩn mực, kiểm soát thay đổi và việc thuê ngoài, duy trì và lưu giữ văn bản cần thiết.', 'both'],
  ['8.2', 'Requirements for products and services', 'Yêu cầu đối với sản phẩm và dịch vụ',
    'Communicate with customers and settle the requirements before committing.',
    'Trao đổi với khách hàng và xác định rõ yêu cầu trước khi cam kết.'],
  ['8.2.1', 'Customer communication', 'Trao đổi thông tin với khách hàng',
    'Inform customers, handle enquiries, orders, feedback and complaints, customer property and contingencies.',
    'Cung cấp thông tin, xử lý yêu cầu, phản hồi, khiếu nại, tài sản của khách hàng và tình huống bất thường.'],
  ['8.2.2', 'Determining the requirements for products and services', 'Xác định các yêu cầu đối với sản phẩm và dịch vụ',
    'Define what the product or service must meet, including legal requirements.',
    'Xác định yêu cầu mà sản phẩm, dịch vụ phải đáp ứng, kể cả yêu cầu luật định.'],
  ['8.2.3', 'Review of the requirements for products and services', 'Xem xét các yêu cầu đối với sản phẩm và dịch vụ',
    'Check the organization can meet the requirements before committing, and record the result.',
    'Xem xét khả năng đáp ứng yêu cầu trước khi cam kết, và lưu kết quả xem xét.'],
  ['8.2.3.1', '[what is reviewed]', '[nội dung xem xét]',
    'Review stated, implied, legal and the organization\'s own requirements before committing to supply.',
    'Xem xét yêu cầu đã nêu, ngầm hiểu, luật định và yêu cầu của tổ chức trước khi cam kết cung cấp.', '', true],
  ['8.2.3.2', '[records of the review]', '[hồ sơ xem xét]',
    'Keep the results of the review and any new requirements.',
    'Lưu giữ kết quả xem xét và các yêu cầu mới phát sinh.', 'retain', true],
  ['8.2.4', 'Changes to requirements for products and services', 'Thay đổi yêu cầu đối với sản phẩm và dịch vụ',
    'When requirements change, update the documents and tell the people concerned.',
    'Khi yêu cầu thay đổi, cập nhật văn bản liên quan và thông báo cho người có liên quan.'],
  ['8.3', 'Design and development of products and services', 'Thiết kế và phát triển sản phẩm và dịch vụ',
    'Control design and development; often declared not applicable, with a justification.',
    'Kiểm soát thiết kế và phát triển; thường được công bố không áp dụng, kèm lý giải.'],
  ['8.3.1', 'General', 'Khái quát',
    'Have a design and development process suited to later provision.',
    'Thiết lập quá trình thiết kế và phát triển phù hợp cho việc cung cấp sau này.'],
  ['8.3.2', 'Design and development planning', 'Hoạch định thiết kế và phát triển',
    'Plan the stages, reviews, responsibilities and resources, and keep evidence the requirements were met.',
    'Hoạch định các giai đoạn, xem xét, trách nhiệm, nguồn lực, và lưu bằng chứng đáp ứng yêu cầu.', 'retain'],
  ['8.3.3', 'Design and development inputs', 'Đầu vào thiết kế và phát triển',
    'Determine and record the requirements the design must meet.',
    'Xác định và lưu giữ các yêu cầu mà thiết kế phải đáp ứng.', 'retain'],
  ['8.3.4', 'Design and development controls', 'Kiểm soát thiết kế và phát triển',
    'Review, verify and validate the design, and record what was done.',
    'Xem xét, kiểm tra xác nhận và xác nhận giá trị sử dụng của thiết kế, lưu hồ sơ.', 'retain'],
  ['8.3.5', 'Design and development outputs', 'Đầu ra thiết kế và phát triển',
    'Outputs meet the inputs and are recorded.',
    'Đầu ra đáp ứng đầu vào và được lưu giữ.', 'retain'],
  ['8.3.6', 'Design and development changes', 'Thay đổi thiết kế và phát triển',
    'Identify, review and control design changes, and record them.',
    'Nhận biết, xem xét và kiểm soát thay đổi thiết kế, lưu hồ sơ thay đổi.', 'retain'],
  ['8.4', 'Control of externally provided processes, products and services', 'Kiểm soát quá trình, sản phẩm và dịch vụ do bên ngoài cung cấp',
    'Make sure what external providers supply meets requirements.',
    'Bảo đảm những gì bên ngoài cung cấp phù hợp với yêu cầu.'],
  ['8.4.1', 'General', 'Khái quát',
    'Set criteria to evaluate, select, monitor and re-evaluate external providers, and keep the results.',
    'Đặt tiêu chí đánh giá, lựa chọn, theo dõi và đánh giá lại nhà cung cấp bên ngoài, lưu giữ kết quả.', 'retain'],
  ['8.4.2', 'Type and extent of control', 'Loại và mức độ kiểm soát',
    'Decide how far external provision is controlled and verified.',
    'Xác định mức độ kiểm soát và kiểm tra xác nhận đối với việc cung cấp từ bên ngoài.'],
  ['8.4.3', 'Information for external providers', 'Thông tin cho nhà cung cấp bên ngoài',
    'Tell external providers clearly what is required of them.',
    'Thông báo rõ cho nhà cung cấp bên ngoài các yêu cầu đối với họ.'],
  ['8.5', 'Production and service provision', 'Sản xuất và cung cấp dịch vụ',
    'Deliver products and services under controlled conditions.',
    'Tạo sản phẩm và cung cấp dịch vụ trong điều kiện được kiểm soát.'],
  ['8.5.1', 'Control of production and service provision', 'Kiểm soát sản xuất và cung cấp dịch vụ',
    'Controlled conditions: documents describing outputs and activities, monitoring, resources, competent people, release.',
    'Điều kiện được kiểm soát: văn bản mô tả đầu ra và hoạt động, theo dõi, nguồn lực, nhân sự có năng lực, thông qua.', 'maintain'],
  ['8.5.2', 'Identification and traceability', 'Nhận biết và xác định nguồn gốc',
    'Identify outputs and their status; where traceability is required, give each a unique identification and keep it.',
    'Nhận biết đầu ra và tình trạng; khi cần truy xuất nguồn gốc, gắn mã nhận biết duy nhất và lưu giữ.', 'retain'],
  ['8.5.3', 'Property belonging to customers or external providers', 'Tài sản của khách hàng hoặc nhà cung cấp bên ngoài',
    'Look after property that belongs to others, including personal data; record loss or damage and report it.',
    'Bảo quản tài sản của người khác, kể cả dữ liệu cá nhân; ghi nhận và thông báo khi bị mất, hư hỏng.', 'retain'],
  ['8.5.4', 'Preservation', 'Bảo toàn',
    'Preserve outputs while they are produced and delivered.',
    'Bảo toàn đầu ra trong quá trình sản xuất và cung cấp.'],
  ['8.5.5', 'Post-delivery activities', 'Hoạt động sau giao hàng',
    'Meet the requirements that apply after delivery (warranty, maintenance, support).',
    'Đáp ứng các yêu cầu sau giao hàng (bảo hành, bảo trì, hỗ trợ).'],
  ['8.5.6', 'Control of changes', 'Kiểm soát thay đổi',
    'Review and control unplanned changes; record the result, who authorized it and the actions.',
    'Xem xét và kiểm soát thay đổi ngoài kế hoạch; lưu kết quả, người phê duyệt và hành động.', 'retain'],
  ['8.6', 'Release of products and services', 'Thông qua sản phẩm và dịch vụ',
    'Verify requirements are met before release; record the evidence and who authorized the release.',
    'Kiểm tra xác nhận việc đáp ứng yêu cầu trước khi thông qua; lưu bằng chứng và người phê duyệt.', 'retain'],
  ['8.7', 'Control of nonconforming outputs', 'Kiểm soát đầu ra không phù hợp',
    'Identify and control outputs that do not conform so they are not used or delivered by mistake.',
    'Nhận biết và kiểm soát đầu ra không phù hợp để tránh sử dụng hoặc chuyển giao ngoài ý muốn.'],
  ['8.7.1', '[handling nonconforming outputs]', '[xử lý đầu ra không phù hợp]',
    'Correct, segregate, return, suspend or inform; get a concession; re-verify after correction.',
    'Khắc phục, cách ly, thu hồi, tạm ngừng hoặc thông báo; chấp nhận có nhân nhượng; kiểm tra lại sau khắc phục.', '', true],
  ['8.7.2', '[records of nonconformities]', '[hồ sơ sự không phù hợp]',
    'Record the nonconformity, the actions, any concession and who decided.',
    'Lưu hồ sơ sự không phù hợp, hành động đã thực hiện, nhân nhượng và người quyết định.', 'retain', true],

  ['9', 'Performance evaluation', 'Đánh giá kết quả thực hiện',
    'Monitor, measure, audit and review how the QMS performs.',
    'Theo dõi, đo lường, đánh giá nội bộ và xem xét kết quả hoạt động của hệ thống.'],
  ['9.1', 'Monitoring, measurement, analysis and evaluation', 'Theo dõi, đo lường, phân tích và đánh giá',
    'Decide what to monitor and measure, and analyse the results.',
    'Xác định cần theo dõi, đo lường những gì và phân tích kết quả.'],
  ['9.1.1', 'General', 'Khái quát',
    'Decide what, how and when to monitor and measure and when to analyse; keep the results as evidence.',
    'Xác định theo dõi, đo lường gì, bằng cách nào, khi nào và khi nào phân tích; lưu giữ kết quả làm bằng chứng.', 'retain'],
  ['9.1.2', 'Customer satisfaction', 'Sự thỏa mãn của khách hàng',
    'Find out how customers perceive whether their needs were met.',
    'Theo dõi cảm nhận của khách hàng về mức độ đáp ứng nhu cầu.'],
  ['9.1.3', 'Analysis and evaluation', 'Phân tích và đánh giá',
    'Use the data to judge conformity, satisfaction, performance, risk actions, providers and improvement needs.',
    'Dùng dữ liệu để đánh giá sự phù hợp, sự thỏa mãn, kết quả, hành động về rủi ro, nhà cung cấp và nhu cầu cải tiến.'],
  ['9.2', 'Internal audit', 'Đánh giá nội bộ',
    'Audit the QMS at planned intervals.',
    'Đánh giá nội bộ hệ thống theo định kỳ hoạch định.'],
  ['9.2.1', '[purpose of internal audit]', '[mục đích đánh giá nội bộ]',
    'Audits show whether the QMS conforms and is effectively implemented and maintained.',
    'Đánh giá để biết hệ thống có phù hợp và được áp dụng, duy trì hiệu lực hay không.', '', true],
  ['9.2.2', '[audit programme]', '[chương trình đánh giá]',
    'Plan an audit programme, set criteria and scope, use objective auditors, report, act; keep the evidence.',
    'Lập chương trình đánh giá, xác định chuẩn mực và phạm vi, chọn chuyên gia khách quan, báo cáo, khắc phục; lưu giữ bằng chứng.', 'retain', true],
  ['9.3', 'Management review', 'Xem xét của lãnh đạo',
    'Top management reviews the QMS at planned intervals.',
    'Lãnh đạo cao nhất xem xét hệ thống theo định kỳ hoạch định.'],
  ['9.3.1', 'General', 'Khái quát',
    'Review the QMS at planned intervals for suitability, adequacy, effectiveness and alignment with strategy.',
    'Xem xét định kỳ tính phù hợp, thỏa đáng, hiệu lực của hệ thống và sự thống nhất với định hướng chiến lược.'],
  ['9.3.2', 'Management review inputs', 'Đầu vào xem xét của lãnh đạo',
    'Past actions, changes, performance trends, resources, risk actions and improvement opportunities.',
    'Hành động từ lần trước, thay đổi, xu hướng kết quả, nguồn lực, hành động về rủi ro và cơ hội cải tiến.'],
  ['9.3.3', 'Management review outputs', 'Đầu ra xem xét của lãnh đạo',
    'Decisions on improvement, changes to the QMS and resources; keep the results as evidence.',
    'Quyết định về cải tiến, thay đổi hệ thống và nguồn lực; lưu giữ kết quả làm bằng chứng.', 'retain'],

  ['10', 'Improvement', 'Cải tiến',
    'Improve products, services and the QMS.',
    'Cải tiến sản phẩm, dịch vụ và hệ thống.'],
  ['10.1', 'General', 'Khái quát',
    'Find improvement opportunities and act on them.',
    'Xác định cơ hội cải tiến và thực hiện các hành động cần thiết.'],
  ['10.2', 'Nonconformity and corrective action', 'Sự không phù hợp và hành động khắc phục',
    'React to nonconformities and remove their causes.',
    'Xử lý sự không phù hợp và loại bỏ nguyên nhân.'],
  ['10.2.1', '[reacting and correcting]', '[xử lý và khắc phục]',
    'Control and correct, find the cause, act, check the action worked, update risks and the QMS.',
    'Kiểm soát và khắc phục, tìm nguyên nhân, thực hiện hành động, xem xét hiệu lực, cập nhật rủi ro và hệ thống.', '', true],
  ['10.2.2', '[records of corrective action]', '[hồ sơ hành động khắc phục]',
    'Keep records of the nonconformities, the actions taken and their results.',
    'Lưu giữ hồ sơ về sự không phù hợp, hành động đã thực hiện và kết quả.', 'retain', true],
  ['10.3', 'Continual improvement', 'Cải tiến liên tục',
    'Keep improving how suitable, adequate and effective the QMS is.',
    'Cải tiến liên tục tính phù hợp, thỏa đáng và hiệu lực của hệ thống.'],
];

function clausesOf(rows: Row[]): readonly Clause[] {
  return rows.map(([number, en, vi, summaryEn, summaryVi, di, untitled]) => {
    const clause: Clause = { number, title: { en, vi }, summary: { en: summaryEn, vi: summaryVi } };
    if (di) clause.documentedInformation = di;
    if (untitled) clause.untitled = true;
    return clause;
  });
}

/** Every catalogue we ship, by edition. */
export const CLAUSE_CATALOGUES: Readonly<Record<string, readonly Clause[]>> = {
  [ISO_9001_2015]: clausesOf(ROWS_2015),
};

/** `TCVN ISO 9001:2015`, `iso 9001 : 2015` → the catalogue key `ISO 9001:2015`; undefined when unknown. */
export function editionOf(standard: unknown): string | undefined {
  if (standard === undefined) return DEFAULT_STANDARD;
  if (typeof standard !== 'string') return undefined;
  const compact = standard.replace(/\s+/g, '').toUpperCase().replace(/^TCVN/, '');
  return Object.keys(CLAUSE_CATALOGUES).find((key) => key.replace(/\s+/g, '').toUpperCase() === compact);
}

const BY_NUMBER = new Map<string, Map<string, Clause>>();

function indexOf(edition: string): Map<string, Clause> {
  let index = BY_NUMBER.get(edition);
  if (!index) {
    index = new Map((CLAUSE_CATALOGUES[edition] ?? []).map((clause) => [clause.number, clause]));
    BY_NUMBER.set(edition, index);
  }
  return index;
}

export function clauseByNumber(number: string, edition: string = DEFAULT_STANDARD): Clause | undefined {
  return indexOf(edition).get(number);
}

/** `"8.5.1"` is within `"8.5"` and within itself; `"8.51"` is not within `"8.5"`. */
export function isWithin(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent + '.');
}

/** `"8.5.1"` → `"8.5"`; a top-level clause has no parent. */
export function parentNumber(number: string): string | undefined {
  const dot = number.lastIndexOf('.');
  return dot < 0 ? undefined : number.slice(0, dot);
}

/**
 * A heading that means something on its own: a sub-clause without a heading of its own, or
 * headed just "General", borrows the heading of its parent ("9.1.1" → "Monitoring, measurement,
 * analysis and evaluation").
 */
export function clauseHeading(number: string, edition: string = DEFAULT_STANDARD): LocalizedText | undefined {
  const clause = clauseByNumber(number, edition);
  if (!clause) return undefined;
  const parent = parentNumber(number);
  if (parent && (clause.untitled || clause.title.en === 'General')) return clauseHeading(parent, edition) ?? clause.title;
  return clause.title;
}

/** The clauses of an edition that explicitly call for documented information. */
export function documentedInformationClauses(edition: string = DEFAULT_STANDARD): readonly Clause[] {
  return (CLAUSE_CATALOGUES[edition] ?? []).filter((clause) => clause.documentedInformation);
}

/** A clause listed by a file covers itself and its sub-clauses. */
export function isCovered(number: string, listed: Iterable<string>): boolean {
  for (const entry of listed) if (isWithin(number, entry)) return true;
  return false;
}

export interface CoverageGap {
  /** The clause to name: a DI-requiring clause, or its parent when the whole parent is uncovered. */
  number: string;
  /** The documented information the uncovered clauses within it call for. */
  documentedInformation: DocumentedInformation;
  /** The DI-requiring clauses behind this gap. */
  clauses: string[];
}

/**
 * The clauses calling for documented information that no listed clause covers, grouped for a
 * person to read: when every such clause under a parent is uncovered, the parent is named
 * instead of its parts (8.3 rather than 8.3.2 … 8.3.6) — provided the part is only an
 * unheaded or "General" sub-clause, or the parent has two or more parts calling for
 * documented information. Top-level clauses (4 … 10) are never named. In catalogue order.
 */
export function coverageGaps(listed: Iterable<string>, edition: string = DEFAULT_STANDARD): CoverageGap[] {
  const catalogue = CLAUSE_CATALOGUES[edition] ?? [];
  const listedSet = [...listed];
  const required = catalogue.filter((c) => c.documentedInformation);
  const uncovered = new Set(required.filter((c) => !isCovered(c.number, listedSet)).map((c) => c.number));
  const requiredWithin = (parent: string) => required.filter((c) => isWithin(c.number, parent)).map((c) => c.number);
  /** Direct children of `parent` that are, or hold, a clause calling for documented information. */
  const partsOf = (parent: string) =>
    catalogue.filter((c) => parentNumber(c.number) === parent && required.some((r) => isWithin(r.number, c.number))).length;

  const named = new Map<string, string[]>();
  for (const number of uncovered) {
    let current = number;
    for (;;) {
      const parent = parentNumber(current);
      if (!parent || !parentNumber(parent)) break; // never climb to a top-level clause
      const clause = clauseByNumber(current, edition);
      const vague = clause?.untitled === true || clause?.title.en === 'General';
      if (!requiredWithin(parent).every((n) => uncovered.has(n))) break;
      if (!vague && partsOf(parent) < 2) break;
      current = parent;
    }
    named.set(current, [...(named.get(current) ?? []), number]);
  }

  const order = new Map(catalogue.map((c, i) => [c.number, i]));
  return [...named.entries()]
    .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .map(([number, clauses]) => {
      const kinds = new Set(clauses.map((n) => clauseByNumber(n, edition)!.documentedInformation));
      const documentedInformation: DocumentedInformation =
        kinds.has('both') || (kinds.has('maintain') && kinds.has('retain')) ? 'both' : kinds.has('maintain') ? 'maintain' : 'retain';
      return { number, documentedInformation, clauses };
    });
}
