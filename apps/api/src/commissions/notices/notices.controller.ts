import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Actor } from '@app/contracts';
import { CurrentActor } from '../../auth/auth.decorators';
import { header } from '../commission-presenter';
import { CommissionsService } from '../commissions.service';
import { mustReadNotices, ocdsOptions, ocdsReleasePackage, presentNotices } from './notices.presenter';

/** The notices a commission has issued and their OCDS releases, from the read model. */
@ApiTags('notices')
@ApiBearerAuth()
@Controller('commissions/:id')
export class NoticesController {
  constructor(
    private readonly commissions: CommissionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('notices')
  @ApiOperation({
    summary:
      'The notices issued (tender, contract award, contract details, termination), each with its OCDS release',
  })
  async notices(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.commissions.view(id);
    const { staff } = mustReadNotices(view, actor);
    return { ...header(view, actor), notices: presentNotices(view, ocdsOptions(view, this.config, staff)) };
  }

  @Get('ocds')
  @ApiOperation({
    summary: 'An OCDS 1.1 release package: one release per notice (staff: with planning and implementation)',
  })
  async ocds(@CurrentActor() actor: Actor, @Param('id') id: string) {
    const view = await this.commissions.view(id);
    const { staff } = mustReadNotices(view, actor);
    return ocdsReleasePackage(view, ocdsOptions(view, this.config, staff));
  }
}
