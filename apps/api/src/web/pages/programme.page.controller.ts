import { Get, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@app/contracts';
import { ProgrammesService } from '../../programmes/programmes.service';
import { programmePage } from '../presenters/programme';
import { PageRenderer } from '../render/page-renderer';
import { WebActor } from '../session/web-actor.decorator';
import { WebPages } from './web-pages.decorator';
import type { WebRequest } from './web-forms';

/** A programme: its commissions as the person may see them, their stages, what is due and what blocks what. */
@WebPages('programmes')
export class ProgrammePageController {
  constructor(
    private readonly programmes: ProgrammesService,
    private readonly pages: PageRenderer,
  ) {}

  @Get(':id')
  async programme(
    @WebActor() actor: Actor,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id') id: string,
  ) {
    const page = programmePage(await this.programmes.get(actor, id), actor);
    this.pages.send(req, res, 'programme.njk', { title: page.name, currentNav: 'commissions', page });
  }
}
