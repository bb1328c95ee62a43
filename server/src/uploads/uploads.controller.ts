import { Controller, Get, Header, HttpStatus, Post, Req, StreamableFile, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { MultipartFile } from '@fastify/multipart';
import { ErrorCode } from '@utility/shared';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { PhotoAccess } from './photo-access.service';
import { CurrentUploader, CurrentViewer, UploaderGuard } from './uploader.guard';
import { UploadOwner, UploadView, UploadsService, mapUpload } from './uploads.service';

const FIELD = 'file';
const noFile = () =>
  new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, '请选择要上传的照片', [
    { path: FIELD, message: `以 multipart/form-data 上传，字段名为 ${FIELD}` },
  ]);

@ApiTags('uploads')
@ApiBearerAuth()
@UseGuards(UploaderGuard)
@Controller('api/uploads')
export class UploadsController {
  constructor(
    private readonly uploads: UploadsService,
    private readonly access: PhotoAccess,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Upload one photo (resident or staff token); attach it later by id, up to 6 per ticket or reading',
    description:
      'JPEG, PNG, WebP or HEIC, by content (not name or declared type). Stored re-encoded as JPEG, upright, at most 2560 px, ' +
      'without EXIF/GPS. 413 PHOTO_TOO_LARGE, 415 PHOTO_TYPE_NOT_ALLOWED, 422 PHOTO_UNREADABLE, 429 after too many unattached photos in an hour, ' +
      '503 PHOTO_QUEUE_FULL (with Retry-After) when the server is decoding as many photos as it can take.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: [FIELD], properties: { [FIELD]: { type: 'string', format: 'binary' } } },
  })
  async upload(@CurrentUploader() owner: UploadOwner, @Req() request: FastifyRequest): Promise<UploadView> {
    const part = await this.filePart(request);
    return mapUpload(await this.uploads.create(owner, part.file, { mimetype: part.mimetype, filename: part.filename }));
  }

  @Get(':id')
  @ApiOperation({
    summary:
      "The stored photo (image/jpeg), for its uploader and whoever may read its ticket (a resident: the technician's after-photos); 404 for anyone else",
  })
  @ApiProduces('image/jpeg')
  // A photo never changes under its id: cacheable, but only by the viewer's own client.
  @Header('Cache-Control', 'private, max-age=86400, immutable')
  @Header('X-Content-Type-Options', 'nosniff')
  async download(
    @CurrentViewer() viewer: StaffPrincipal | ResidentPrincipal,
    @IdParam() id: number,
  ): Promise<StreamableFile> {
    const { upload, bytes } = await this.access.read(id, viewer);
    return new StreamableFile(bytes, { type: upload.mime, length: bytes.length, disposition: 'inline' });
  }

  /** The request's one file, which must be in the `file` field. */
  private async filePart(request: FastifyRequest): Promise<MultipartFile> {
    if (!request.isMultipart()) throw noFile();
    // Read up to one byte past the limit, so that receivePhoto sees an oversize file as one.
    const part = await request
      .file({ limits: { fileSize: this.uploads.maxBytes + 1, files: 1, fields: 10, parts: 20, fieldSize: 1024 } })
      .catch(() => undefined);
    if (!part || part.fieldname !== FIELD) {
      part?.file.resume();
      throw noFile();
    }
    return part;
  }
}
